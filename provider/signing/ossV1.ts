import { createHmac } from "node:crypto";
import type { SignableRequest, SigningCredentials } from "./signableRequest";

// Subresources that V1 includes in the canonical resource; the only one this product sends.
const SIGNED_SUBRESOURCES = new Set(["encryption"]);

/**
 * The V1 string to sign: verb, Content-MD5, Content-Type, Date, the sorted `x-oss-*` headers and
 * the canonical resource `/<bucket>/<key>?<subresources>`.
 */
export function ossV1StringToSign(request: SignableRequest): string {
  const header = (name: string): string => request.headers[name] ?? "";
  const ossHeaders = Object.entries(request.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .filter(([k]) => k.startsWith("x-oss-"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v}\n`)
    .join("");
  const subresources = Object.entries(request.query)
    .filter(([k]) => SIGNED_SUBRESOURCES.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === "" ? k : `${k}=${v}`));
  // A service call (ListBuckets) has no bucket: its resource is `/`, as in ali-oss.
  const resource = `${request.bucket === "" ? "/" : `/${request.bucket}/`}${request.key}${subresources.length > 0 ? `?${subresources.join("&")}` : ""}`;
  return [request.method, header("content-md5"), header("content-type"), header("date"), `${ossHeaders}${resource}`].join("\n");
}

/** The V1 `Authorization` header: `OSS <AK>:base64(hmac-sha1(SK, string to sign))`. */
export function ossV1Authorization(request: SignableRequest, credentials: SigningCredentials): string {
  const signature = createHmac("sha1", credentials.secretAccessKey).update(ossV1StringToSign(request)).digest("base64");
  return `OSS ${credentials.accessKeyId}:${signature}`;
}
