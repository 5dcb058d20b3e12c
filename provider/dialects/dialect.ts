import type { Cloud, Credentials, EncryptionRule, SignatureVersion } from "../model";
import type { SigningCache } from "../signing/signingCache";

/**
 * One HTTP request to a bucket's `?encryption` subresource (or, with an empty `bucket`, to the
 * service: ListBuckets), before and after signing. Header names are lower-case. `path` is what
 * goes on the request line: `/` for virtual-hosted addressing, `/<bucket>/` for path-style.
 */
export interface BucketRequest {
  readonly method: "PUT" | "GET" | "DELETE";
  readonly protocol: "https:" | "http:";
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly bucket: string;
  readonly region: string;
}

/** Per-request signing options that only some dialects use. */
export interface SigningOptions {
  readonly signatureVersion?: SignatureVersion;
  /** What a client's signatures can reuse (keys, signers); none means nothing is reused. */
  readonly cache?: SigningCache;
}

/**
 * What differs between the two clouds: where a bucket lives, the XML shape of a rule, and how a
 * request is signed. Everything else (addressing, transport, errors, lifecycle) is shared.
 */
export interface Dialect {
  readonly cloud: Cloud;
  /** The service's name as users know it, for error messages. */
  readonly serviceName: string;
  /** The public endpoint host for `region`, without the bucket. */
  publicEndpointHost(region: string): string;
  /** The PUT body for `rule`. */
  encodeRule(rule: EncryptionRule): string;
  /** The rule in a GET response body; throws MalformedResponseError when the body is not one. */
  decodeRule(body: string): EncryptionRule;
  /** The request's headers with the signature (and the headers it covers) added. */
  sign(request: BucketRequest, credentials: Credentials, now: Date, options: SigningOptions): Promise<Record<string, string>>;
}
