import { EMPTY_BODY_MD5, ENCRYPTION_SUBRESOURCE, XML_CONTENT_TYPE } from "../model/constants";
import { usesPathStyle } from "../http/endpoint";
import { md5Base64 } from "../signing/hashing";
import type { BucketRequest, Operation } from "./bucketRequest";

export type { Operation } from "./bucketRequest";

/** Where a bucket call goes: the service's base URL (a region's public endpoint or an override), and the bucket. */
export interface BucketTarget {
  /** `scheme://host[:port]`: validated (by `check`, or when the location was taken from state). */
  readonly baseUrl: string;
  readonly bucket: string;
  /** The plain region id, for the signature's scope. */
  readonly region: string;
}

const METHODS = { put: "PUT", get: "GET", delete: "DELETE" } as const;

/**
 * The unsigned request for `operation` on `target`'s `?encryption` subresource, carrying `body`
 * (the encoded rule for PUT, empty otherwise). Cloud endpoints use virtual-hosted addressing (the
 * bucket is part of the host name); IP and `localhost` endpoints cannot, so they use path-style.
 * Pure: the bucket name and base URL were validated, so they cannot change the host or path.
 */
export function buildRequest(target: BucketTarget, operation: Operation, body = ""): BucketRequest {
  const base = new URL(target.baseUrl);
  const pathStyle = usesPathStyle(base.hostname);
  const hostname = pathStyle ? base.hostname.replace(/^\[|\]$/g, "") : `${target.bucket}.${base.hostname}`;
  const port = base.port === "" ? undefined : Number(base.port);
  const path = pathStyle ? `/${target.bucket}/` : "/";
  return {
    method: METHODS[operation],
    protocol: base.protocol === "http:" ? "http:" : "https:",
    hostname,
    ...(port !== undefined ? { port } : {}),
    path,
    query: { [ENCRYPTION_SUBRESOURCE]: "" },
    target: `${path}?${ENCRYPTION_SUBRESOURCE}`,
    headers: {
      host: pathStyle ? base.host : `${target.bucket}.${base.host}`,
      "content-type": XML_CONTENT_TYPE,
      "content-md5": body === "" ? EMPTY_BODY_MD5 : md5Base64(body),
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
    bucket: target.bucket,
    region: target.region,
  };
}
