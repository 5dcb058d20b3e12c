import { usesPathStyle } from "../http/endpoint";
import { EMPTY_BODY_MD5, XML_CONTENT_TYPE } from "../model/constants";
import { uriEncode } from "../signing/uriEncode";
import type { BucketRequest } from "./bucketRequest";

/** Where a service-level call (ListBuckets) goes: the service's base URL and the region it signs for. */
export interface ServiceBase {
  /** `scheme://host[:port]` of the region endpoint (or an override standing in for it). */
  readonly baseUrl: string;
  /** The plain region id (`cn-hangzhou`, `cn-north-1`). */
  readonly region: string;
}

/**
 * The unsigned `GET /` to the region endpoint (no bucket in host or path, `bucket` empty) with
 * `query`. Pure. The headers are the ones the bucket calls send, so every signer covers them the
 * same way; the request line encodes the query as the signers canonicalise it (sorted, RFC 3986).
 */
export function buildServiceRequest(target: ServiceBase, query: Readonly<Record<string, string>>): BucketRequest {
  const base = new URL(target.baseUrl);
  const hostname = usesPathStyle(base.hostname) ? base.hostname.replace(/^\[|\]$/g, "") : base.hostname;
  const port = base.port === "" ? undefined : Number(base.port);
  const parts = Object.entries(query)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === "" ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`));
  return {
    method: "GET",
    protocol: base.protocol === "http:" ? "http:" : "https:",
    hostname,
    ...(port !== undefined ? { port } : {}),
    path: "/",
    query: { ...query },
    target: parts.length > 0 ? `/?${parts.join("&")}` : "/",
    headers: { host: base.host, "content-type": XML_CONTENT_TYPE, "content-md5": EMPTY_BODY_MD5, "content-length": "0" },
    body: "",
    bucket: "",
    region: target.region,
  };
}
