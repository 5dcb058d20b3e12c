import type { SigningCache } from "../signing/signingCache";

/** How to sign one request, besides its credentials and time. */
export interface SigningOptions {
  /** For a cloud that offers a choice of signature version: the one the resource chose. */
  readonly signatureVersion?: string;
  /** What a client's signatures can reuse (keys, signers); none means nothing is reused. */
  readonly cache?: SigningCache;
}

/** The three calls this product makes on a bucket's `?encryption` subresource. */
export type Operation = "put" | "get" | "delete";

/**
 * One HTTP request to a bucket, from building to sending. Header names are lower-case.
 * `path` is the request path (`/` for virtual-hosted addressing, `/<bucket>/` for path-style) and
 * `target` the request line built from it once (`/?encryption`): signers read `path` and
 * `query`, the transport sends `target`, so the two can never disagree.
 */
export interface BucketRequest {
  readonly method: "PUT" | "GET" | "DELETE";
  readonly protocol: "https:" | "http:";
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly bucket: string;
  readonly region: string;
}

/** A request whose headers carry its signature; only a cloud module's `sign` makes one. */
export interface SignedRequest extends BucketRequest {
  readonly signed: true;
}
