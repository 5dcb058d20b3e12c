import type { CredentialSource } from "../credentials/CredentialSource";
import type { EncryptionRule, Credentials, LiveRule, ResourceIdentity, SignatureVersion, SseAlgorithm } from "../model";
import type { BucketRequest, SignedRequest } from "../requests/bucketRequest";
import type { SigningCache } from "../signing/signingCache";
import type { BucketListing } from "./bucketListing";

/** The outcome of normalising a region: the plain region id, or why the input is not one. */
export type RegionResult = { readonly region: string } | { readonly problem: string };

/** The names of one convention's access key id, secret and (optional) security token. */
export interface CredentialConvention {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}

/** Per-request signing options that only some clouds use. */
export interface SigningOptions {
  readonly signatureVersion?: SignatureVersion;
  /** What a client's signatures can reuse (keys, signers); none means nothing is reused. */
  readonly cache?: SigningCache;
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
  /** Whether `kmsDataEncryption` exists on this cloud. */
  readonly acceptsKmsDataEncryption: boolean;
  /** Signature versions a resource may choose, the default first; empty when there is no choice. */
  readonly signatureVersions: readonly SignatureVersion[];
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
   * profiles, role assumption, …; see its `credentials.ts`), or undefined when none is. Makes no
   * request and reads no file (it may ask whether one exists), so `check` can call it at preview;
   * throws CredentialConfigError when a configured source is malformed.
   */
  credentials(config: (key: string) => string | undefined, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity): CredentialSource | undefined;
  /** Why `roleArn` is not a role this cloud can assume (or that it has no role assumption); undefined when it is one. */
  roleArnProblem(roleArn: string): string | undefined;
}

/** What credential selection may look at besides config and environment. */
export interface Surroundings {
  /** Whether a file exists (profile files select a source by being there). */
  readonly fileExists: (file: string) => boolean;
  /** The home directory profile files are read from (the one the credentials library uses). */
  readonly homeDir: string;
}
