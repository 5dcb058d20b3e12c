/**
 * pulumi-bucket-encryption: a bucket's default server-side encryption on JD Cloud OSS and
 * Alibaba Cloud OSS, as a Pulumi dynamic resource. This module is the public API and nothing else.
 */
export { BucketEncryption, type BucketEncryptionArgs } from "./resource/BucketEncryption";
export { bucketEncryptionProvider } from "./resource/serializedProvider";
export type { BucketEncryptionState as BucketEncryptionOutputs, Cloud, EncryptionRule, ResourceIdentity, SseAlgorithm } from "./model/types";
export type { KmsDataEncryption, SignatureVersion } from "./dialects/oss/constants";
export { ServiceError } from "./errors/ServiceError";
export { TransportError } from "./errors/TransportError";
export { MalformedResponseError } from "./errors/MalformedResponseError";
export { CredentialsError } from "./errors/CredentialsError";
export { CredentialConfigError } from "./errors/CredentialConfigError";
export { CredentialSourceError } from "./errors/CredentialSourceError";
