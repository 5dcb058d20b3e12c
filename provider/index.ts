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

/**
 * The lifecycle the serialized provider forwards to. One per process on purpose: the dynamic
 * provider process serves every BucketEncryption resource, and they share its configuration and
 * keep-alive connections. Creating it does no I/O.
 */
export const lifecycle: BucketEncryptionLifecycle = new BucketEncryptionLifecycle();
