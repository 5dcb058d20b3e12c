import { buildReport } from "../../cli/drift/buildReport";
import type { DriftReport, StacklessFinding } from "../../cli/drift/model";
import type { BucketStatus } from "../../cli/fleet/bucketStatus";
import { type ImportOutcome, importOutcome } from "../../cli/importFile/importReport";
import { type ScanReport, scanRow } from "../../cli/scan/scanReport";

const urn = (name: string) => `urn:pulumi:prod::infra::pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption::${name}`;

/**
 * A drift report with `value` in every place a server, the state or the program puts text: the
 * stack, resource names, bucket ids, live and declared rule values, drifted properties, error
 * messages and codes, the adopted live rule, another resource's type and name, a preview error.
 * With a plain `value` it has the same shape, so hostile and plain renderings can be compared.
 */
export function hostileDriftReport(value: string): DriftReport {
  const at = (label: string) => ({ urn: urn(label), name: `${label}-${value}`, id: `aliyun:cn-hangzhou:${value}`, cloud: "aliyun", region: "cn-hangzhou", bucket: value, comparedWith: "program" as const });
  const resources: StacklessFinding[] = [
    { ...at("a"), status: "in-sync", declared: { sseAlgorithm: value, kmsMasterKeyId: value }, live: { sseAlgorithm: value, kmsMasterKeyId: value } },
    {
      ...at("b"),
      status: "drifted",
      declared: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" },
      live: { sseAlgorithm: value, kmsMasterKeyId: value },
      properties: [
        { property: "sseAlgorithm", declared: "KMS", live: value },
        { property: "kmsMasterKeyId", declared: value, live: null },
      ],
    },
    { ...at("c"), status: "rule-missing", declared: { sseAlgorithm: value } },
    { ...at("d"), status: "bucket-missing", declared: { sseAlgorithm: "AES256" } },
    { ...at("e"), status: "not-created", declared: { sseAlgorithm: "KMS" }, adoption: { bucket: "rule", liveRule: { sseAlgorithm: value, kmsDataEncryption: value }, wouldReplace: true } },
    { ...at("f"), status: "unreadable", error: { message: value, code: value, httpStatus: 403, requestId: value } },
  ];
  return buildReport({
    tool: { name: "pulumi-bucket-encryption", version: "0.1.0" },
    project: `infra-${value}`,
    source: "program",
    stacks: [
      {
        name: `prod-${value}`,
        resources,
        otherChanges: [{ urn: "urn:pulumi:prod::infra::aws:s3/bucket:Bucket::site", type: `aws:${value}`, name: `site-${value}`, operation: "update" }],
        errors: [{ message: `preview failed: ${value}`, code: value }],
      },
    ],
    generatedAt: new Date("2026-11-25T06:00:00Z"),
    durationMs: 1234,
  });
}

/** Bucket reads with `value` as a listed bucket's name, a live algorithm, a key id, a data algorithm and an error message. */
export function hostileStatuses(value: string): BucketStatus[] {
  const target = (bucket: string) => ({ cloud: "aliyun" as const, region: "cn-hangzhou", bucket });
  return [
    { target: target("enc-kms"), finding: { kind: "encrypted", rule: { sseAlgorithm: value, kmsMasterKeyId: value, kmsDataEncryption: value } } },
    { target: target(value), finding: { kind: "unencrypted", code: "NoSuchServerSideEncryptionRule" } },
    { target: target("denied"), finding: { kind: "error", message: value, status: 403, code: value } },
    { target: target("gone"), finding: { kind: "missing", code: value } },
  ];
}

/** A scan report over {@link hostileStatuses}, compared with a stack, plus a listing failure with `value` as its error. */
export function hostileScanReport(value: string): ScanReport {
  const declared = new Set(["aliyun:cn-hangzhou:enc-kms"]);
  return { rows: hostileStatuses(value).map((s) => scanRow(s, declared)), listingFailures: [{ target: { cloud: "aliyun", region: "cn-hangzhou" }, error: value }] };
}

/** Import outcomes over {@link hostileStatuses}: one imported under a name holding `value`, one refused with `value` as the problem. */
export function hostileImportOutcomes(value: string): ImportOutcome[] {
  const [encrypted, ...rest] = hostileStatuses(value);
  return [
    importOutcome(encrypted as BucketStatus, `name-${value}`, undefined),
    importOutcome(encrypted as BucketStatus, undefined, value),
    ...rest.map((s) => importOutcome(s, undefined, undefined)),
  ];
}
