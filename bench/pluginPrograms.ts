import { stringify } from "yaml";
import { RESOURCE_TOKEN } from "../provider/plugin/constants";
import { programFor } from "../test/support/pulumiCli";
import { NODE_SDK_PACKAGE } from "./pluginSdk";

/** One rule the programs declare: the same arguments for every kind of resource. */
export interface BenchRule {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** N rules on the emulator's buckets `bench-000`…, one KMS rule each, the endpoint named per resource. */
export function benchRules(buckets: readonly string[], endpoint: string): BenchRule[] {
  return buckets.map((bucket) => ({ name: bucket, args: { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", endpoint } }));
}

/** The dynamic resource's Node.js program (the package's `BucketEncryption`). */
export function dynamicProgram(rules: readonly BenchRule[]): string {
  return programFor(rules.map((r) => ({ name: r.name, args: { ...r.args } })));
}

/**
 * The same program with the generated SDK's `BucketEncryption`, served by the plugin: the lines
 * are those of {@link dynamicProgram} but for the module, so only the kind of resource differs.
 */
export function sdkProgram(rules: readonly BenchRule[]): string {
  const dynamic = dynamicProgram(rules);
  const from = `require("pulumi-bucket-encryption")`;
  if (!dynamic.includes(from)) throw new Error("the dynamic resource's program no longer requires the package by name");
  return dynamic.replace(from, `require(${JSON.stringify(NODE_SDK_PACKAGE)})`);
}

/** The same declarations and outputs as a YAML program (`runtime: yaml`), the resource by its type token. */
export function yamlProgram(projectName: string, rules: readonly BenchRule[]): string {
  const resources = Object.fromEntries(rules.map((r) => [r.name, { type: RESOURCE_TOKEN, properties: r.args }]));
  const outputs = Object.fromEntries(
    rules.map((r) => [r.name, { id: `\${${r.name}.id}`, sseAlgorithm: `\${${r.name}.sseAlgorithm}`, kmsMasterKeyId: `\${${r.name}.kmsMasterKeyId}` }]),
  );
  return stringify({ name: projectName, runtime: "yaml", resources, outputs });
}
