/**
 * The properties of a BucketEncryption, written once: their names, what a change to each does,
 * and what each means. Validation, the diff, the dynamic resource's types and the provider
 * plugin's schema all read this table, so the two resource types cannot drift apart.
 */

/** What a change to a property does to the resource. */
export type ChangeKind =
  /** Addresses another bucket: the resource is replaced (the old rule deleted first). */
  | "replace"
  /** The rule itself: one PUT in place. */
  | "rule"
  /** How or as whom the bucket is reached: an update in place that never deletes the rule. */
  | "access";

/** One property: its change kind, whether an input must give it, and its documentation. */
export interface PropertySpec {
  readonly change: ChangeKind;
  readonly required: boolean;
  readonly description: string;
}

/** Every property of a BucketEncryption, in the order users read them. */
export const PROPERTY_SPECS = {
  cloud: { change: "replace", required: true, description: "`jdcloud` (S3 dialect, AWS Signature V4) or `aliyun` (OSS dialect, OSS4-HMAC-SHA256). Changing it replaces the resource." },
  region: {
    change: "replace",
    required: true,
    description: "The region id: JD Cloud `cn-north-1` (`<country>-<area>-<n>`); Alibaba Cloud `cn-hangzhou` (`oss-cn-hangzhou` is accepted and stored as `cn-hangzhou`). Changing it replaces the resource.",
  },
  bucket: {
    change: "replace",
    required: true,
    description: "The bucket, which must exist: 3-63 lowercase letters, digits and hyphens, a letter or digit at both ends (JD Cloud: no `--`). Changing it replaces the resource.",
  },
  sseAlgorithm: { change: "rule", required: true, description: "`KMS`, `AES256` or `SM4` (`aws:kms` is accepted for `KMS`). JD Cloud supports `KMS` only." },
  kmsMasterKeyId: { change: "rule", required: false, description: "The KMS key id or ARN; only with `KMS`. Without it the cloud's service key is used." },
  kmsDataEncryption: { change: "rule", required: false, description: "Alibaba Cloud with `KMS` only: encrypt the data with `SM4`." },
  endpoint: {
    change: "access",
    required: false,
    description:
      "A base URL (`https://host[:port]`) replacing the cloud's public endpoint: an internal endpoint, a custom domain or a local server. `http` only for 127.0.0.0/8, `::1` and `localhost`. Changing it updates in place and never deletes the rule.",
  },
  signatureVersion: { change: "access", required: false, description: "Alibaba Cloud only: `v4` (the default) or `v1`. Changing it updates in place." },
  profile: {
    change: "access",
    required: false,
    description: "Sign as this profile of the cloud's CLI (`~/.aliyun/config.json`, `~/.jdc/config`) instead of the provider's identity. A name, not a secret. Changing it updates in place.",
  },
  roleArn: {
    change: "access",
    required: false,
    description: "Alibaba Cloud: assume this RAM role (`acs:ram::<account>:role/<name>`) with the base identity. JD Cloud has no role assumption. Changing it updates in place.",
  },
  roleSessionName: { change: "access", required: false, description: "The session name of the role assumption (default `pulumi-bucket-encryption`); only with `roleArn`." },
  externalId: { change: "access", required: false, description: "The external id the role's trust policy requires; only with `roleArn`." },
} as const satisfies Readonly<Record<string, PropertySpec>>;

/** One property's name. */
export type Property = keyof typeof PROPERTY_SPECS;

/** Every property, in the order users read them. */
export const PROPERTIES = Object.keys(PROPERTY_SPECS) as readonly Property[];

/** The properties whose change replaces the resource: the bucket's identity. */
export const REPLACING_PROPERTIES: readonly Property[] = PROPERTIES.filter((p) => PROPERTY_SPECS[p].change === "replace");

/** Keys the Pulumi engine adds to a dynamic resource's inputs and outputs, which are not properties. */
export const ENGINE_KEYS: readonly string[] = ["__provider"];
