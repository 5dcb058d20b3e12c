/**
 * pulumi-bucket-encryption: a bucket's default server-side encryption on JD Cloud OSS and
 * Alibaba Cloud OSS, as a Pulumi dynamic resource.
 */
export { BucketEncryption, type BucketEncryptionArgs } from "./resource";
export { bucketEncryptionProvider } from "./lifecycle/serializedProvider";
export type { BucketEncryptionState as BucketEncryptionOutputs, Cloud, EncryptionRule, KmsDataEncryption, SignatureVersion, SseAlgorithm } from "./model";
export { BucketEncryptionLifecycle } from "./lifecycle/BucketEncryptionLifecycle";
export { ServiceError } from "./errors/ServiceError";
export { TransportError } from "./errors/TransportError";
export { MalformedResponseError } from "./errors/MalformedResponseError";
export { CredentialsError } from "./errors/CredentialsError";

import { BucketEncryptionLifecycle } from "./lifecycle/BucketEncryptionLifecycle";

/** A new lifecycle for one provider process; the serialized provider calls this on first use. */
export function createLifecycle(): BucketEncryptionLifecycle {
  return new BucketEncryptionLifecycle();
}
