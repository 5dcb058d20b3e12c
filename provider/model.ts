import type { Cloud } from "./clouds";
import type { KMS_DATA_ENCRYPTION_VALUES, SIGNATURE_VERSIONS, SSE_ALGORITHMS } from "./constants";

export type { Cloud } from "./clouds";

/** The shared algorithm vocabulary: what each cloud accepts is enforced by `check`. */
export type SseAlgorithm = (typeof SSE_ALGORITHMS)[number];

/** The data-encryption algorithm Aliyun allows with KMS. */
export type KmsDataEncryption = (typeof KMS_DATA_ENCRYPTION_VALUES)[number];

/** Signature versions a cloud may offer a choice between (Alibaba Cloud OSS: V4 or the older V1). */
export type SignatureVersion = (typeof SIGNATURE_VERSIONS)[number];

/** A bucket's default encryption rule, in the shared vocabulary. Absent optional fields mean "not set". */
export interface EncryptionRule {
  readonly sseAlgorithm: SseAlgorithm;
  readonly kmsMasterKeyId?: string;
  readonly kmsDataEncryption?: KmsDataEncryption;
}

/** The bucket a rule belongs to: together these form the resource's identity. */
export interface BucketAddress {
  readonly cloud: Cloud;
  /** The plain region id (`cn-hangzhou`, `cn-north-1`), never an endpoint prefix. */
  readonly region: string;
  readonly bucket: string;
}

/**
 * Which identity a resource's requests use, when not the stack's default: non-secret addresses
 * (a profile name, a role to assume), so they may live in state.
 */
export interface ResourceIdentity {
  /** A profile of the cloud's CLI (`~/.aliyun/config.json`, `~/.jdc/config`) instead of the stack's base identity. */
  readonly profile?: string;
  /** A role to assume (Aliyun RAM role ARN) with the base identity, instead of the stack's `alicloud:assumeRole`. */
  readonly roleArn?: string;
  /** The session name of that role assumption. */
  readonly roleSessionName?: string;
  /** The external id the role's trust policy requires. */
  readonly externalId?: string;
}

/**
 * A rule as a server holds it. Values read from a server are facts, not inputs: any algorithm
 * string and any key id are kept as they came (aliases of the shared vocabulary mapped), never
 * checked against what `check` accepts, so that refresh records drift and `up` can repair it.
 */
export interface LiveRule {
  readonly sseAlgorithm: string;
  readonly kmsMasterKeyId?: string;
  readonly kmsDataEncryption?: string;
}

/**
 * Where a bucket's rule is reached: its address and how to reach it. All that GET and DELETE
 * need, whatever rule the state records.
 */
export interface BucketLocation extends BucketAddress, ResourceIdentity {
  /** A base URL that replaces the cloud's public endpoint, without a trailing slash. */
  readonly endpoint?: string;
  /** Present after normalisation exactly when the cloud offers a choice of signature version. */
  readonly signatureVersion?: SignatureVersion;
}

/**
 * A resource's inputs after `check`: validated and normalised. This is also exactly what the
 * resource stores as outputs (plus the engine's `__provider`) after create and update; after a
 * refresh the rule part is whatever the server held (see LiveRule).
 */
export interface BucketEncryptionState extends BucketLocation, EncryptionRule {}

/** Access key material for one cloud. Never stored in state or printed. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly securityToken?: string;
  /**
   * Where these came from, for error messages (`stack config alicloud:accessKey`,
   * `environment ALIBABA_CLOUD_ACCESS_KEY_ID`): names, never values.
   */
  readonly source?: string;
}
