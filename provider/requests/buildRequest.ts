import { EMPTY_BODY_MD5, ENCRYPTION_SUBRESOURCE, XML_CONTENT_TYPE } from "../constants";
import type { BucketRequest, Dialect } from "../dialects/dialect";
import type { BucketEncryptionState } from "../model";
import { md5Base64 } from "../signing/hashing";
import { usesPathStyle } from "../validation/endpoint";

/** The three calls this product makes. */
export type Operation = "put" | "get" | "delete";

const METHODS = { put: "PUT", get: "GET", delete: "DELETE" } as const;

/**
 * The unsigned request for `operation` on the bucket `state` addresses. Cloud endpoints use
 * virtual-hosted addressing (Aliyun refuses path-style with SecondLevelDomainForbidden); IP and
 * `localhost` endpoints cannot, so they use path-style. Pure: the bucket name was validated by
 * `check`, so it cannot change the host or path.
 */
export function buildRequest(dialect: Dialect, state: BucketEncryptionState, operation: Operation): BucketRequest {
  const base = new URL(state.endpoint ?? `https://${dialect.publicEndpointHost(state.region)}`);
  const pathStyle = usesPathStyle(base.hostname);
  const hostname = pathStyle ? base.hostname.replace(/^\[|\]$/g, "") : `${state.bucket}.${base.hostname}`;
  const port = base.port === "" ? undefined : Number(base.port);
  const body = operation === "put" ? dialect.encodeRule(state) : "";
  const hostHeader = pathStyle ? base.host : `${state.bucket}.${base.host}`;
  return {
    method: METHODS[operation],
    protocol: base.protocol === "http:" ? "http:" : "https:",
    hostname,
    ...(port !== undefined ? { port } : {}),
    path: pathStyle ? `/${state.bucket}/` : "/",
    query: { [ENCRYPTION_SUBRESOURCE]: "" },
    headers: {
      host: hostHeader,
      "content-type": XML_CONTENT_TYPE,
      "content-md5": body === "" ? EMPTY_BODY_MD5 : md5Base64(body),
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
    bucket: state.bucket,
    region: state.region,
  };
}
