import { buildReport, type StackPart } from "../../../cli/drift/buildReport";
import type { DriftReport, DriftSource, ReportError, StacklessChange, StacklessFinding } from "../../../cli/drift/model";

const urn = (name: string) => `urn:pulumi:prod::infra::pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption::${name}`;
const at = (name: string, bucket: string) => ({ urn: urn(name), name, id: `aliyun:cn-hangzhou:${bucket}`, cloud: "aliyun", region: "cn-hangzhou", bucket, comparedWith: "program" as const });

/** One finding of every status, with text that needs escaping in every format. */
export const FINDINGS: Readonly<Record<string, StacklessFinding>> = {
  inSync: { ...at("logs", "acme-logs"), status: "in-sync", declared: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" }, live: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } },
  drifted: {
    ...at("backups", "acme-backups"),
    status: "drifted",
    declared: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" },
    live: { sseAlgorithm: "AES256" },
    properties: [
      { property: "sseAlgorithm", declared: "KMS", live: "AES256" },
      { property: "kmsMasterKeyId", declared: "k1", live: null },
    ],
  },
  ruleMissing: { ...at("archive", "acme-archive"), status: "rule-missing", declared: { sseAlgorithm: "AES256" } },
  bucketMissing: { ...at("old", "acme-old"), status: "bucket-missing", declared: { sseAlgorithm: "AES256" } },
  notCreated: {
    ...at("media", "acme-media"),
    status: "not-created",
    declared: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" },
    live: { sseAlgorithm: "SM4" },
    adoption: { bucket: "rule", liveRule: { sseAlgorithm: "SM4" }, wouldReplace: true },
  },
  unreadable: {
    ...at("secret", "acme-secret"),
    status: "unreadable",
    error: {
      message: 'GET ?encryption on aliyun:cn-hangzhou:acme-secret (Alibaba Cloud OSS) failed: HTTP 403 AccessDenied: <denied> & "quoted" | piped [request id 5C1B0A]',
      httpStatus: 403,
      code: "AccessDenied",
      requestId: "5C1B0A",
    },
  },
};

export const OTHER: StacklessChange = { urn: "urn:pulumi:prod::infra::aws:s3/bucket:Bucket::site", type: "aws:s3/bucket:Bucket", name: "site", operation: "update" };

/** A report over the given findings, with fixed time so renderings are stable. */
export function sampleReport(resources: readonly StacklessFinding[], otherChanges: readonly StacklessChange[] = [], errors: readonly ReportError[] = []): DriftReport {
  return stacksReport("program", [{ name: "prod", resources, otherChanges, errors }]);
}

/** A report over several stacks (or none), with fixed time, and errors tied to no stack. */
export function stacksReport(source: DriftSource, stacks: readonly StackPart[], errors: readonly ReportError[] = []): DriftReport {
  return buildReport({
    tool: { name: "pulumi-bucket-encryption", version: "0.1.0" },
    project: "infra",
    source,
    stacks,
    errors,
    generatedAt: new Date("2026-11-25T06:00:00Z"),
    durationMs: 1234,
  });
}
