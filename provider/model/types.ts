import type { CLOUD_NAMES, SSE_ALGORITHMS } from "./constants";

/**
 * A cloud this package manages. The literal union is written here, at the bottom, so that every
 * layer can name a cloud; the registry in `clouds/` is checked against it (`satisfies
 * Record<Cloud, CloudModule>`), so the two cannot disagree.
 */
export type Cloud = (typeof CLOUD_NAMES)[number];

/** The shared algorithm vocabulary: what each cloud accepts is enforced by `check`. */
export type SseAlgorithm = (typeof SSE_ALGORITHMS)[number];

/**
 * One refused input, in the shape Pulumi prints: "property <p> value <v> has a problem: <reason>".
 */
export interface PropertyProblem {
  readonly property: string;
  readonly reason: string;
}

/** A bucket's default encryption rule, in the shared vocabulary. Absent optional fields mean "not set". */
export interface EncryptionRule {
  readonly sseAlgorithm: SseAlgorithm;
  readonly kmsMasterKeyId?: string;
  /** A data-encryption algorithm with KMS, where the cloud has one (its module lists the values). */
  readonly kmsDataEncryption?: string;
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
 * Where a service-level call (ListBuckets) goes: a cloud's region, or an endpoint standing in for
 * it, and how to sign there.
 */
export interface ServiceTarget {
  readonly cloud: Cloud;
  /** The plain region id (`cn-hangzhou`, `cn-north-1`). */
  readonly region: string;
  /** A base URL replacing the region's public endpoint, without a trailing slash. */
  readonly endpoint?: string;
  /** For clouds that offer a choice of signature. */
  readonly signatureVersion?: string;
}

/**
 * Where a bucket's rule is reached: its address and how to reach it. All that GET and DELETE
 * need, whatever rule the state records.
 */
export interface BucketLocation extends BucketAddress, ResourceIdentity {
  /** A base URL that replaces the cloud's public endpoint, without a trailing slash. */
  readonly endpoint?: string;
  /**
   * Present after normalisation exactly when the cloud offers a choice of signature version (its
   * module lists the versions, the default first).
   */
  readonly signatureVersion?: string;
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
