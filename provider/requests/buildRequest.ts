import type { CloudModule } from "../clouds/cloudModule";
import { EMPTY_BODY_MD5, ENCRYPTION_SUBRESOURCE, XML_CONTENT_TYPE } from "../constants";
import type { BucketEncryptionState } from "../model";
import { md5Base64 } from "../signing/hashing";
import { usesPathStyle } from "../validation/endpoint";
import type { BucketRequest, Operation } from "./bucketRequest";

export type { Operation } from "./bucketRequest";

const METHODS = { put: "PUT", get: "GET", delete: "DELETE" } as const;

/**
 * The unsigned request for `operation` on the bucket `state` addresses. Cloud endpoints use
 * virtual-hosted addressing (the bucket is part of the host name); IP and `localhost` endpoints
 * cannot, so they use path-style. Pure: the bucket name was validated by `check`, so it cannot
 * change the host or path.
 */
export function buildRequest(cloud: CloudModule, state: BucketEncryptionState, operation: Operation): BucketRequest {
  const base = new URL(state.endpoint ?? `https://${cloud.publicEndpointHost(state.region)}`);
  const pathStyle = usesPathStyle(base.hostname);
  const hostname = pathStyle ? base.hostname.replace(/^\[|\]$/g, "") : `${state.bucket}.${base.hostname}`;
  const port = base.port === "" ? undefined : Number(base.port);
  const body = operation === "put" ? cloud.encodeRule(state) : "";
  const path = pathStyle ? `/${state.bucket}/` : "/";
  return {
    method: METHODS[operation],
    protocol: base.protocol === "http:" ? "http:" : "https:",
    hostname,
    ...(port !== undefined ? { port } : {}),
    path,
    query: { [ENCRYPTION_SUBRESOURCE]: "" },
    target: `${path}?${ENCRYPTION_SUBRESOURCE}`,
    headers: {
      host: pathStyle ? base.host : `${state.bucket}.${base.host}`,
      "content-type": XML_CONTENT_TYPE,
      "content-md5": body === "" ? EMPTY_BODY_MD5 : md5Base64(body),
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
    bucket: state.bucket,
    region: state.region,
  };
}
