import { PutBucketEncryptionCommand, S3Client } from "@aws-sdk/client-s3";
import { EncryptionClient } from "../provider/client/EncryptionClient";
import { aliyun as aliyunDialect } from "../provider/clouds/aliyun";
import { jdcloud as jdcloudDialect } from "../provider/clouds/jdcloud";
import type { BucketEncryptionState } from "../provider/model/types";
import { bucketRequestFor } from "../provider/clouds/requestsFor";
import { SigningCache } from "../provider/signing/signingCache";
import { signUtils } from "../test/emulator/aliOssSignUtils";
import { median } from "./processes";

// The AWS SDK is a development-only client here; its notice about future Node versions is noise.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

/** Calls per second and client CPU per call, for one client doing one call in a loop. */
export interface CallCost {
  readonly callsPerSecond: number;
  readonly cpuMicrosPerCall: number;
}

async function measure(call: () => Promise<unknown>, durationMs: number): Promise<CallCost> {
  for (let i = 0; i < 30; i++) await call();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let calls = 0;
  while (Number(process.hrtime.bigint() - started) / 1e6 < durationMs) {
    await call();
    calls++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { callsPerSecond: calls / seconds, cpuMicrosPerCall: (used.user + used.system) / calls };
}

/** Alternates the contenders round by round (the machine is noisy) and keeps each one's medians. */
export async function compareCalls(contenders: Record<string, () => Promise<unknown>>, rounds: number, durationMs: number): Promise<Record<string, CallCost>> {
  const samples: Record<string, CallCost[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, call] of Object.entries(contenders)) (samples[name] ??= []).push(await measure(call, durationMs));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, { callsPerSecond: median(s.map((x) => x.callsPerSecond)), cpuMicrosPerCall: median(s.map((x) => x.cpuMicrosPerCall)) }]),
  );
}

/** Our PutBucketEncryption and the AWS SDK's, against the same S3 server. */
export function s3Contenders(endpoint: string, region: string, credentials: { accessKeyId: string; secretAccessKey: string }, bucket: string, keyId: string) {
  const ours = new EncryptionClient({ credentials: () => credentials });
  const state: BucketEncryptionState = { cloud: "jdcloud", region, bucket, sseAlgorithm: "KMS", kmsMasterKeyId: keyId, endpoint };
  const sdk = new S3Client({ endpoint, region, forcePathStyle: true, credentials });
  const command = () =>
    new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: keyId } }] } });
  return {
    contenders: { ours: () => ours.putRule(state), "@aws-sdk/client-s3": () => sdk.send(command()) },
    close: () => {
      ours.close();
      sdk.destroy();
    },
  };
}

/** Our PutBucketEncryption and ali-oss's (V4), against the same OSS emulator. */
export function ossContenders(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, bucket: string, keyId: string) {
  const OSS = require("ali-oss") as new (options: Record<string, unknown>) => { putBucketEncryption(name: string, rules: Record<string, string>): Promise<unknown>; agent?: { destroy(): void } };
  const ours = new EncryptionClient({ credentials: () => credentials });
  const state: BucketEncryptionState = { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: keyId, endpoint, signatureVersion: "v4" };
  const official = new OSS({ region: "oss-cn-hangzhou", endpoint, accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.secretAccessKey, bucket, authorizationV4: true });
  return {
    contenders: { ours: () => ours.putRule(state), "ali-oss": () => official.putBucketEncryption(bucket, { SSEAlgorithm: "KMS", KMSMasterKeyID: keyId }) },
    close: () => ours.close(),
  };
}

/** Signing and XML alone, no I/O: operations per second. */
export async function microBenchmarks(iterations: number): Promise<Record<string, number>> {
  const credentials = { accessKeyId: "AKIDEXAMPLE0001", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const now = new Date("2026-11-22T12:00:00Z");
  const aliyun: BucketEncryptionState = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac0001", signatureVersion: "v4" };
  const jd: BucketEncryptionState = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "KMS", kmsMasterKeyId: "e2e-key" };
  const ruleXml = aliyunDialect.encodeRule(aliyun);
  const aliyunRequest = bucketRequestFor(aliyun, "put");
  const ossHeaders = { ...aliyunRequest.headers, "x-oss-date": "20261122T120000Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD" };
  // The client's own path: signatures reuse what a client's SigningCache keeps.
  const cache = new SigningCache();
  const cases: Record<string, () => unknown> = {
    "ours: OSS V4 request build + sign": () => aliyunDialect.sign(bucketRequestFor(aliyun, "put"), credentials, now, { signatureVersion: "v4", cache }),
    "ali-oss: OSS V4 sign (signUtils.authorizationV4)": () =>
      signUtils.authorizationV4(credentials.accessKeyId, credentials.secretAccessKey, "cn-hangzhou", "PUT", { headers: { ...ossHeaders }, queries: { encryption: null } }, "acme-logs", "", undefined),
    "ours: S3 SigV4 request build + sign": () => jdcloudDialect.sign(bucketRequestFor(jd, "put"), credentials, now, { cache }),
    "ours: rule XML encode": () => aliyunDialect.encodeRule(aliyun),
    "ours: rule XML decode (validating parser)": () => aliyunDialect.decodeRule(ruleXml),
  };
  const results: Record<string, number> = {};
  for (const [name, run] of Object.entries(cases)) {
    for (let i = 0; i < 500; i++) await run();
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await run();
    results[name] = iterations / (Number(process.hrtime.bigint() - started) / 1e9);
  }
  return results;
}
