import { type BucketEncryptionState, checkInputs, cloudModule, type EncryptionClient, formatResourceId, type LiveRule, type ServiceTarget } from "../../provider/internal";
import { errorFacts } from "../output/errorFacts";

/** One bucket to read: where it lives and how to reach it. */
export interface BucketTarget extends ServiceTarget {
  readonly bucket: string;
}

/** What one GET of a bucket's rule found. */
export type Finding =
  | { readonly kind: "encrypted"; readonly rule: LiveRule }
  | { readonly kind: "unencrypted"; readonly code: string }
  | { readonly kind: "missing"; readonly code: string }
  | { readonly kind: "error"; readonly message: string; readonly status?: number; readonly code?: string; readonly requestId?: string };

/** A bucket and what was found there. */
export interface BucketStatus {
  readonly target: BucketTarget;
  readonly finding: Finding;
}

/**
 * Reads one bucket's rule with one GET (plus retries of transient failures). Never throws: a
 * bucket the caller may not read (403) or a server that never answers becomes an `error` finding,
 * so the other buckets go on.
 */
export async function readBucketStatus(client: EncryptionClient, target: BucketTarget): Promise<BucketStatus> {
  // A name from a listing is the server's, not ours: one the resource would refuse is never put
  // into a request's host or path.
  const problem = cloudModule(target.cloud).bucketNameProblem(target.bucket);
  if (problem !== undefined) return { target, finding: { kind: "error", message: `bucket name ${JSON.stringify(target.bucket)} ${problem}; not read` } };
  try {
    const reading = await client.readRule(addressState(target));
    if ("rule" in reading) return { target, finding: { kind: "encrypted", rule: reading.rule } };
    return { target, finding: { kind: reading.absent === "no-bucket" ? "missing" : "unencrypted", code: reading.code } };
  } catch (error) {
    const { httpStatus, ...facts } = errorFacts(error);
    return { target, finding: { kind: "error", ...facts, ...(httpStatus !== undefined ? { status: httpStatus } : {}) } };
  }
}

/**
 * The resource state that declares `rule` on `target`, normalised exactly as the resource's
 * `check` would normalise the same inputs (so the state Pulumi stores and the declaration agree),
 * or why the rule cannot be declared (a rule set out-of-band that this resource refuses, such as
 * AES256 on JD Cloud).
 */
export function declaredState(target: BucketTarget, rule: LiveRule): { readonly state: BucketEncryptionState } | { readonly problem: string } {
  const outcome = checkInputs({
    cloud: target.cloud,
    region: target.region,
    bucket: target.bucket,
    sseAlgorithm: rule.sseAlgorithm,
    ...(rule.kmsMasterKeyId !== undefined ? { kmsMasterKeyId: rule.kmsMasterKeyId } : {}),
    ...(rule.kmsDataEncryption !== undefined ? { kmsDataEncryption: rule.kmsDataEncryption } : {}),
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    ...(target.signatureVersion !== undefined ? { signatureVersion: target.signatureVersion } : {}),
  });
  if (outcome.state !== undefined) return { state: outcome.state };
  return { problem: outcome.failures.map((f) => `${f.property} ${f.reason}`).join("; ") };
}

/** `<cloud>:<region>:<bucket>`, the resource id a declaration of this bucket gets. */
export function targetId(target: BucketTarget): string {
  return formatResourceId(target);
}

function addressState(target: BucketTarget): Omit<BucketEncryptionState, "sseAlgorithm"> {
  return {
    cloud: target.cloud,
    region: target.region,
    bucket: target.bucket,
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    ...(target.signatureVersion !== undefined ? { signatureVersion: target.signatureVersion } : {}),
  };
}
