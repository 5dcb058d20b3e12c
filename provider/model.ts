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
 * A resource's inputs after `check`: validated and normalised. This is also exactly what the
 * resource stores as outputs (plus the engine's `__provider`).
 */
export interface BucketEncryptionState extends BucketAddress, EncryptionRule {
  /** A base URL that replaces the cloud's public endpoint, without a trailing slash. */
  readonly endpoint?: string;
  /** Present after normalisation exactly when the cloud offers a choice of signature version. */
  readonly signatureVersion?: SignatureVersion;
}

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
