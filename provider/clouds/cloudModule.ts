import type { EncryptionRule, Credentials, SignatureVersion, SseAlgorithm } from "../model";
import type { BucketRequest, SignedRequest } from "../requests/bucketRequest";
import type { SigningCache } from "../signing/signingCache";

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
  /** The rule in a GET response body; throws MalformedResponseError when the body is not one. */
  decodeRule(body: string): EncryptionRule;
  /** The request with its signature (and the headers the signature covers) added. */
  sign(request: BucketRequest, credentials: Credentials, now: Date, options: SigningOptions): Promise<SignedRequest>;

  /** Where credentials come from: the stack config keys, then environment conventions in order. */
  readonly credentialConventions: {
    readonly config: CredentialConvention;
    readonly environment: readonly CredentialConvention[];
  };
}
