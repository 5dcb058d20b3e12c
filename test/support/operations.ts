import assert from "node:assert/strict";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import type { Target, WireRule } from "./targets";

/** The four lifecycle operations a rule goes through. */
export type Op = "create" | "read" | "update" | "delete";
/** Every {@link Op}, in lifecycle order. */
export const OPS: readonly Op[] = ["create", "read", "update", "delete"];

/** The environment that gives the lifecycle `target`'s credentials, as that cloud names them. */
export function credentialsEnv(target: Target): Record<string, string> {
  return target.cloud === "aliyun"
    ? { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }
    : { JDCLOUD_ACCESS_KEY: target.accessKeyId, JDCLOUD_SECRET_KEY: target.secretAccessKey };
}

/** A lifecycle with `target`'s credentials and the given settings (`PULUMI_BUCKET_ENCRYPTION_*`). */
export function lifecycleOn(target: Target, settings: Readonly<Record<string, string>> = {}): BucketEncryptionLifecycle {
  return new BucketEncryptionLifecycle({ ...credentialsEnv(target), ...settings });
}

/** The program's inputs for `bucket` on `target`: KMS with the first (or second) of its keys. */
export function kmsInputs(target: Pick<Target, "cloud" | "region" | "endpoint" | "kmsKeys">, bucket: string, key: 0 | 1 = 0) {
  return { cloud: target.cloud, region: target.region, bucket, sseAlgorithm: "KMS", kmsMasterKeyId: target.kmsKeys[key], endpoint: target.endpoint };
}

/** One operation made ready on a fresh bucket: what it acts on and how to run it. */
export interface PreparedOperation {
  readonly bucket: string;
  readonly id: string;
  readonly inputs: Record<string, unknown>;
  readonly run: () => Promise<unknown>;
  /** The rule the server holds before `run` (nothing for a create, the first key's rule otherwise). */
  readonly held: WireRule | undefined;
  /** The rule the server holds after `run` succeeds (nothing after a delete, the second key after an update). */
  readonly expected: WireRule | undefined;
}

/**
 * Creates `bucket` and readies `op` on it: checked inputs (KMS, first key), the rule created
 * already unless `op` creates it, and `run` doing the operation (an update to the second key).
 */
export async function prepareOperation(lifecycle: BucketEncryptionLifecycle, target: Target, bucket: string, op: Op): Promise<PreparedOperation> {
  await target.createBucket(bucket);
  const { inputs, failures } = await lifecycle.check({}, kmsInputs(target, bucket));
  assert.deepEqual(failures, []);
  const id = `${target.cloud}:${target.region}:${bucket}`;
  if (op !== "create") await lifecycle.create(inputs);
  const rule = (key: 0 | 1): WireRule => ({ SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[key] });
  const run = (): Promise<unknown> => {
    switch (op) {
      case "create":
        return lifecycle.create(inputs);
      case "read":
        return lifecycle.read(id, inputs);
      case "update":
        return lifecycle.update(id, inputs, { ...inputs, kmsMasterKeyId: target.kmsKeys[1] });
      case "delete":
        return lifecycle.delete(id, inputs);
    }
  };
  return { bucket, id, inputs, run, held: op === "create" ? undefined : rule(0), expected: op === "delete" ? undefined : rule(op === "update" ? 1 : 0) };
}
