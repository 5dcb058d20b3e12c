import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SECRET_SIG } from "../../provider/plugin/wireValues";
import type { Identity } from "./pluginClouds";
import { REPO_ROOT } from "./tools";
import type { ConfigEntry, YamlProject } from "./yamlProject";

/** The folder of the development launcher `pulumi-resource-bucket-encryption` (runs build/provider/plugin/main.js). */
export const LAUNCHER_DIR = path.join(REPO_ROOT, "scripts", "bin");

/** The YAML example users read, as committed. */
export const YAML_EXAMPLE = path.join(REPO_ROOT, "examples", "plugin-yaml", "Pulumi.yaml");

// The example's development path, relative to its own folder.
const EXAMPLE_PLUGIN_PATH = "path: ../../scripts/bin";

/**
 * The YAML example with its `plugins.providers` path made absolute, so that it runs from a temp
 * folder exactly as it runs from examples/plugin-yaml/.
 */
export function yamlExample(): string {
  const text = readFileSync(YAML_EXAMPLE, "utf8");
  assert.ok(text.includes(EXAMPLE_PLUGIN_PATH), `${YAML_EXAMPLE} no longer has its development plugin path`);
  return text.replace(EXAMPLE_PLUGIN_PATH, `path: ${LAUNCHER_DIR}`);
}

/** Stack config for the default provider: the cloud's object, keys as secrets, and its endpoint. */
export function defaultProviderConfig(cloud: string, identity: Identity, endpoint: string): ConfigEntry[] {
  const key = (field: string) => `bucket-encryption:${cloud}.${field}`;
  return [
    { key: key("accessKey"), value: identity.accessKey, secret: true },
    { key: key("secretKey"), value: identity.secretKey, secret: true },
    ...(identity.securityToken !== undefined ? [{ key: key("securityToken"), value: identity.securityToken, secret: true }] : []),
    { key: key("endpoint"), value: endpoint },
  ];
}

/** Stack config holding one account's keys, read by {@link twoAccountsProgram}: secrets, or (`secret` false) the plain text of a careless user. */
export function accountConfig(account: string, identity: Identity, secret = true): ConfigEntry[] {
  return [
    { key: `${account}AccessKey`, value: identity.accessKey, secret },
    { key: `${account}SecretKey`, value: identity.secretKey, secret },
    ...(identity.securityToken !== undefined ? [{ key: `${account}SecurityToken`, value: identity.securityToken, secret }] : []),
  ];
}

/** What a YAML program needs to know about the server. */
export interface ProgramTarget {
  readonly cloud: string;
  readonly region: string;
  readonly endpoint: string;
  readonly kmsKey: string;
}

/** One rule of a program: its name, bucket, and the explicit provider it goes through. */
export interface ProgramRule {
  readonly name: string;
  readonly bucket: string;
  readonly provider: string;
  /** Default: the target's key. */
  readonly kmsKey?: string;
}

/**
 * A program with one explicit provider per account (keys from secret stack config
 * `<account>AccessKey`, …; the endpoint in the provider's object) and the given rules. The
 * resources name no endpoint: it comes from their provider.
 */
export function twoAccountsProgram(target: ProgramTarget, accounts: ReadonlyArray<{ name: string; withToken: boolean }>, rules: readonly ProgramRule[]): string {
  const lines = ["name: bucket-encryption-two-accounts", "runtime: yaml", "config:"];
  for (const { name, withToken } of accounts) {
    for (const field of ["AccessKey", "SecretKey", ...(withToken ? ["SecurityToken"] : [])]) lines.push(`  ${name}${field}:`, "    type: string");
  }
  lines.push("resources:");
  for (const { name, withToken } of accounts) {
    lines.push(
      `  ${name}:`,
      "    type: pulumi:providers:bucket-encryption",
      "    properties:",
      `      ${target.cloud}:`,
      `        accessKey: \${${name}AccessKey}`,
      `        secretKey: \${${name}SecretKey}`,
      ...(withToken ? [`        securityToken: \${${name}SecurityToken}`] : []),
      `        endpoint: ${target.endpoint}`,
    );
  }
  for (const rule of rules) {
    lines.push(
      `  ${rule.name}:`,
      "    type: bucket-encryption:index:BucketEncryption",
      "    properties:",
      `      cloud: ${target.cloud}`,
      `      region: ${target.region}`,
      `      bucket: ${rule.bucket}`,
      "      sseAlgorithm: KMS",
      `      kmsMasterKeyId: ${rule.kmsKey ?? target.kmsKey}`,
      "    options:",
      `      provider: \${${rule.provider}}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** What `pulumi preview --json` plans: the listed steps (unchanged resources are not all listed) and the count per operation. */
export interface PreviewPlan {
  /** Each step with its resource's own type (a URN's type is qualified by its parents': `Stack$Type`). */
  readonly steps: ReadonlyArray<{ readonly op: string; readonly type: string }>;
  readonly changeSummary: Readonly<Record<string, number>>;
}

/** Reads the output of `pulumi preview --json`. */
export function previewPlan(json: string): PreviewPlan {
  const preview = JSON.parse(json) as { steps?: Array<{ op: string; urn: string }>; changeSummary?: Record<string, number> };
  return {
    steps: (preview.steps ?? []).map((s) => ({ op: s.op, type: (s.urn.split("::")[2] ?? "").split("$").pop() ?? "" })),
    changeSummary: preview.changeSummary ?? {},
  };
}

/**
 * Fails when any of `secrets` appears in the exported state, the backend's files (state, backups,
 * history), the stack outputs, or anything the CLI printed so far. No value is quoted.
 */
export async function assertNoSecrets(project: YamlProject, secrets: readonly string[]): Promise<void> {
  assertNoneIn(
    {
      "the exported state": await project.exportState(),
      "the file backend": project.backendFiles(),
      "the stack outputs": (await project.must(["stack", "output", "--json"])).stdout,
      "the CLI's output": project.transcript.join("\n"),
    },
    secrets,
  );
}

/**
 * Fails when any of `values` appears in the exported state or the backend's checkpoints and their
 * backups. (Its update history records the stack config as it was set, plain values in plain text.)
 */
export async function assertStateHoldsNone(project: YamlProject, values: readonly string[]): Promise<void> {
  assertNoneIn({ "the exported state": await project.exportState(), "the backend's checkpoints": project.backendFiles(path.join(".pulumi", "stacks")) }, values);
}

function assertNoneIn(places: Readonly<Record<string, string>>, values: readonly string[]): void {
  for (const [where, text] of Object.entries(places)) {
    const found = values.filter((s) => text.includes(s)).length;
    assert.equal(found, 0, `${found} secret value(s) appear in ${where}`);
  }
}

/**
 * Fails unless every bucket-encryption provider in the state records its cloud object as a
 * secret: were the plugin to drop the secret-ness of its configuration, the engine would store
 * the keys in plain text.
 */
export async function assertProvidersKeepSecrets(project: YamlProject): Promise<void> {
  const providers = (await project.resources()).filter((r) => r.type === "pulumi:providers:bucket-encryption");
  assert.ok(providers.length > 0, "no bucket-encryption provider in the state");
  for (const provider of providers) {
    const clouds = Object.entries(provider.inputs ?? {}).filter(([key]) => key === "aliyun" || key === "jdcloud");
    assert.ok(clouds.length > 0, "the provider's state records no cloud object");
    for (const [key, value] of clouds) assert.ok(JSON.stringify(value).includes(SECRET_SIG), `the provider's ${key} input is not stored as a secret`);
  }
}
