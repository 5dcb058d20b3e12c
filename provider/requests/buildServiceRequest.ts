import { EMPTY_BODY_MD5, XML_CONTENT_TYPE } from "../constants";
import type { BucketRequest, Dialect } from "../dialects/dialect";
import type { Cloud, SignatureVersion } from "../model";
import { usesPathStyle } from "../validation/endpoint";

/** Where a service-level call (ListBuckets) goes: a cloud's region, or an endpoint standing in for it. */
export interface ServiceTarget {
  readonly cloud: Cloud;
  /** The plain region id (`cn-hangzhou`, `cn-north-1`). */
  readonly region: string;
  /** A base URL replacing the region's public endpoint, as the resource's `endpoint` input. */
  readonly endpoint?: string;
  /** Aliyun only. */
  readonly signatureVersion?: SignatureVersion;
}

/**
 * The unsigned `GET /` to the region endpoint (no bucket in host or path) with `query`. Pure. The
 * headers are the ones the bucket calls send, so every signer covers them the same way.
 */
export function buildServiceRequest(dialect: Dialect, target: ServiceTarget, query: Readonly<Record<string, string>>): BucketRequest {
  const base = new URL(target.endpoint ?? `https://${dialect.publicEndpointHost(target.region)}`);
  const hostname = usesPathStyle(base.hostname) ? base.hostname.replace(/^\[|\]$/g, "") : base.hostname;
  const port = base.port === "" ? undefined : Number(base.port);
  return {
    method: "GET",
    protocol: base.protocol === "http:" ? "http:" : "https:",
    hostname,
    ...(port !== undefined ? { port } : {}),
    path: "/",
    query: { ...query },
    headers: { host: base.host, "content-type": XML_CONTENT_TYPE, "content-md5": EMPTY_BODY_MD5, "content-length": "0" },
    body: "",
    bucket: "",
    region: target.region,
  };
}
