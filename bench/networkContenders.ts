import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { programFor } from "../test/support/pulumiCli";

/** How a contender reaches the server: by the cloud's names over TLS, by IP over plain HTTP, or not at all. */
export type Addressing = "names-tls" | "jdcloud-names-tls" | "ip-http" | "none";

/** One column of the real-network comparison. */
export interface NetworkContender {
  readonly name: string;
  readonly description: string;
  readonly addressing: Addressing;
  /** Extra environment for the Pulumi CLI (and so for the provider it starts). */
  readonly env: Readonly<Record<string, string>>;
  /** The program for `buckets` at `endpoint`. */
  program(buckets: readonly string[], endpoint: string): string;
  /** Modules the program requires, written into the project's node_modules. */
  readonly modules?: Readonly<Record<string, string>>;
}

/** The engine floor as a module: installed, so `__provider` is a short `require`, like ours. */
const NOOP_PROVIDER = [
  `"use strict";`,
  `exports.create = async (inputs) => ({ id: inputs.bucket, outs: inputs });`,
  `exports.diff = async () => ({ changes: false });`,
  `exports.read = async (id, props) => ({ id, props });`,
  `exports.update = async (id, olds, news) => ({ outs: news });`,
  `exports.delete = async () => {};`,
  ``,
].join("\n");

/** What a user would write instead: a dynamic provider on the official ali-oss client, V4 signatures. */
const ALI_OSS_PROVIDER = [
  `"use strict";`,
  `const OSS = require("ali-oss");`,
  `const client = (props) => new OSS({ region: "oss-cn-hangzhou", endpoint: props.endpoint, bucket: props.bucket,`,
  `  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,`,
  `  authorizationV4: true, timeout: 60000 });`,
  `const put = (props) => client(props).putBucketEncryption(props.bucket, { SSEAlgorithm: "KMS", KMSMasterKeyID: props.kmsMasterKeyId });`,
  `exports.create = async (inputs) => { await put(inputs); return { id: inputs.bucket, outs: inputs }; };`,
  `exports.diff = async () => ({ changes: false });`,
  `exports.read = async (id, props) => {`,
  `  const { encryption } = await client(props).getBucketEncryption(props.bucket);`,
  `  return { id, props: { ...props, kmsMasterKeyId: encryption.KMSMasterKeyID } };`,
  `};`,
  `exports.update = async (id, olds, news) => { await put(news); return { outs: news }; };`,
  `exports.delete = async (id, props) => { await client(props).deleteBucketEncryption(props.bucket); };`,
  ``,
].join("\n");

function moduleProgram(moduleName: string, buckets: readonly string[], endpoint: string): string {
  return [
    `"use strict";`,
    `const pulumi = require("@pulumi/pulumi");`,
    `const provider = require(${JSON.stringify(moduleName)});`,
    `for (const bucket of ${JSON.stringify(buckets)}) {`,
    `  new pulumi.dynamic.Resource(provider, bucket, { bucket, endpoint: ${JSON.stringify(endpoint)}, kmsMasterKeyId: "key-1" }, {}, "bench", "Encryption");`,
    `}`,
    ``,
  ].join("\n");
}

function oursProgram(buckets: readonly string[], endpoint: string): string {
  return programFor(buckets.map((bucket) => ({ name: bucket, args: { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", endpoint } })));
}

function oursJdcloudProgram(buckets: readonly string[], endpoint: string): string {
  return programFor(buckets.map((bucket) => ({ name: bucket, args: { cloud: "jdcloud", region: "cn-north-1", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: "e2e-key", endpoint } })));
}

const REUSE = "PULUMI_BUCKET_ENCRYPTION_CONNECTION_REUSE";

/** Every contender, in report order. */
export const NETWORK_CONTENDERS: readonly NetworkContender[] = [
  { name: "floor", description: "engine floor: a no-op dynamic resource installed as a module", addressing: "none", env: {}, program: (b, e) => moduleProgram("bench-noop-provider", b, e), modules: { "bench-noop-provider": NOOP_PROVIDER } },
  { name: "ours", description: "this package (connections and TLS sessions shared per region)", addressing: "names-tls", env: {}, program: oursProgram },
  { name: "ours-sessions", description: "this package, TLS sessions shared, one connection pool per bucket name", addressing: "names-tls", env: { [REUSE]: "sessions" }, program: oursProgram },
  { name: "ours-none", description: "this package with nothing shared between names (the behaviour before sharing)", addressing: "names-tls", env: { [REUSE]: "none" }, program: oursProgram },
  { name: "ours-ip", description: "this package on an IP endpoint, plain HTTP, path-style (loopback only)", addressing: "ip-http", env: {}, program: oursProgram },
  { name: "ours-jdcloud", description: "this package, JD Cloud dialect on MinIO over https by `<bucket>.s3.cn-north-1.jdcloud-oss.com` (MinIO's handshakes and requests are not counted)", addressing: "jdcloud-names-tls", env: {}, program: oursJdcloudProgram },
  { name: "ali-oss", description: "a dynamic provider written on ali-oss 6.23 (V4), what a user would write instead", addressing: "names-tls", env: {}, program: (b, e) => moduleProgram("bench-ali-oss-provider", b, e), modules: { "bench-ali-oss-provider": ALI_OSS_PROVIDER } },
  { name: "ours-skip-checkpoints", description: "this package with PULUMI_SKIP_CHECKPOINTS=true", addressing: "names-tls", env: { PULUMI_SKIP_CHECKPOINTS: "true" }, program: oursProgram },
];

/** Writes a contender's modules into `nodeModules`. */
export function installContenderModules(contender: NetworkContender, nodeModules: string): void {
  for (const [name, source] of Object.entries(contender.modules ?? {})) {
    const dir = path.join(nodeModules, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", main: "index.js" }));
    writeFileSync(path.join(dir, "index.js"), source);
  }
}
