import type { CredentialSource } from "../credentials/CredentialSource";
import type { ProviderSetting } from "../credentials/providerSettings";
import type { ConfigLookup, CredentialConvention } from "../credentials/staticConventions";
import type { Surroundings } from "../credentials/surroundings";
import type { BucketListing } from "../dialects/bucketListing";
import type { Credentials, EncryptionRule, LiveRule, ResourceIdentity, SseAlgorithm } from "../model/types";
import type { BucketRequest, SignedRequest, SigningOptions } from "../requests/bucketRequest";

/** The outcome of normalising a region: the plain region id, or why the input is not one. */
export type RegionResult = { readonly region: string } | { readonly problem: string };

/**
 * The shapes of the names a resource may use to choose who signs (`profile`, `roleArn`, …) on one
 * cloud. Each answers why a value is refused, or undefined when it is accepted.
 */
export interface IdentityRules {
  /** A profile of the cloud's CLI. */
  readonly profileNameProblem: (name: string) => string | undefined;
  /** A role to assume; a cloud without role assumption refuses every value, saying so. */
  readonly roleArnProblem: (roleArn: string) => string | undefined;
  /** The session name of a role assumption. */
  readonly roleSessionNameProblem: (name: string) => string | undefined;
  /** The external id a role's trust policy requires. */
  readonly externalIdProblem: (id: string) => string | undefined;
}

/**
 * Everything about one cloud, in one place. Shared code (validation, diff, lifecycle, client)
 * asks this and never branches on a cloud's name, so a new cloud is one new folder under
 * `provider/clouds/` and one line in its registry.
 */
export interface CloudModule {
  /** The service's name as users know it, for error messages. */
  readonly serviceName: string;

  /** The plain region id for `input` (aliases and prefixes removed), or why it is not one. */
  normalizeRegion(input: string): RegionResult;
  /** Why `bucket` is not a valid bucket name here, or undefined when it is. */
  bucketNameProblem(bucket: string): string | undefined;

  /** The algorithms this cloud accepts, in the shared vocabulary. */
  readonly algorithms: readonly SseAlgorithm[];
  /** Other spellings users copy from this cloud's documents, mapped to the shared vocabulary. */
  readonly algorithmAliases: Readonly<Record<string, SseAlgorithm>>;
  /** The values `kmsDataEncryption` may take with KMS; empty when the cloud has no such setting. */
  readonly kmsDataEncryptions: readonly string[];
  /** Signature versions a resource may choose, the default first; empty when there is no choice. */
  readonly signatureVersions: readonly string[];
  /** The signature this cloud uses when there is no choice, for messages. */
  readonly signatureName: string;

  /** The public endpoint host for `region`, without the bucket. */
  publicEndpointHost(region: string): string;
  /** Error codes (with HTTP 404) that mean "this bucket has no rule" or "no such bucket". */
  readonly goneCodes: readonly string[];
  /** The PUT body for `rule`. */
  encodeRule(rule: EncryptionRule): string;
  /**
   * The rule in a GET response body, as the server holds it: any algorithm string and any key id
   * (facts, not inputs). Throws MalformedResponseError only when the body is not a rule document.
   */
  decodeRule(body: string): LiveRule;
  /** The request with its signature (and the headers the signature covers) added. */
  sign(request: BucketRequest, credentials: Credentials, now: Date, options: SigningOptions): Promise<SignedRequest>;

  /** How this cloud lists an account's buckets (ListBuckets): the page query and the answer's XML. */
  readonly bucketListing: BucketListing;

  /** Key pairs: the stack config keys, then environment conventions in order (named when none is configured). */
  readonly credentialConventions: {
    readonly config: CredentialConvention;
    readonly environment: readonly CredentialConvention[];
  };
  /**
   * The credential source configured for this cloud, chosen by its precedence (key pairs,
   * profiles, role assumption, …; see its `credentials/` folder), or undefined when none is. Makes
   * no request and reads no file (it may ask whether one exists), so `check` can call it at
   * preview; throws CredentialConfigError when a configured source is malformed.
   */
  credentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity): CredentialSource | undefined;
  /** What a resource's identity inputs may hold on this cloud. */
  readonly identityRules: IdentityRules;
  /** This cloud's credential settings in the provider plugin's configuration (its `<cloud>` object). */
  readonly providerSettings: readonly ProviderSetting[];
}
