import { hmacSha256, sha256Hex } from "./hashing";
import type { SignableRequest, SigningCredentials } from "./signableRequest";
import { uriEncode, uriEncodePath } from "./uriEncode";

/** The payload marker OSS V4 requires in `x-oss-content-sha256` and ends the canonical request with. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** OSS4-HMAC-SHA256, Alibaba Cloud OSS's V4 signature. */
export const OSS_V4_ALGORITHM = "OSS4-HMAC-SHA256";
const SERVICE = "oss";
const TERMINATOR = "aliyun_v4_request";
const KEY_PREFIX = "aliyun_v4";

/** `20231203T121212Z` for `date`, the form of `x-oss-date`. */
export function ossV4Timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// Signed by default: every x-oss-* header, content-type and content-md5. Others only by request.
function isDefaultSigned(name: string): boolean {
  return name.startsWith("x-oss-") || name === "content-type" || name === "content-md5";
}

/** The canonical query: encoded keys sorted; `k=v`, or a bare `k` when the value is empty. */
export function ossV4CanonicalQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === "" ? k : `${k}=${v}`))
    .join("&");
}

/** The lower-cased, sorted names of the extra headers to sign (only those not signed by default). */
export function ossV4AdditionalHeaders(request: SignableRequest, additional: readonly string[]): string[] {
  const present = new Set(Object.keys(request.headers).map((h) => h.toLowerCase()));
  return [...new Set(additional.map((h) => h.toLowerCase()))]
    .filter((h) => present.has(h) && !isDefaultSigned(h))
    .sort();
}

/** The canonical request of an OSS V4 signature; the payload is always UNSIGNED-PAYLOAD. */
export function ossV4CanonicalRequest(request: SignableRequest, additional: readonly string[] = []): string {
  const extra = ossV4AdditionalHeaders(request, additional);
  const headers = Object.entries(request.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .filter(([k]) => isDefaultSigned(k) || extra.includes(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v}\n`)
    .join("");
  const uri = `/${request.bucket === "" ? "" : `${request.bucket}/`}${uriEncodePath(request.key)}`;
  return [request.method, uri, ossV4CanonicalQuery(request.query), headers, extra.join(";"), UNSIGNED_PAYLOAD].join("\n");
}

/** The credential scope `<yyyymmdd>/<region>/oss/aliyun_v4_request`. */
export function ossV4Scope(timestamp: string, region: string): string {
  return `${timestamp.slice(0, 8)}/${region}/${SERVICE}/${TERMINATOR}`;
}

/** The string to sign for a canonical request signed at `timestamp` (the `x-oss-date` value). */
export function ossV4StringToSign(canonicalRequest: string, timestamp: string, region: string): string {
  return [OSS_V4_ALGORITHM, timestamp, ossV4Scope(timestamp, region), sha256Hex(canonicalRequest)].join("\n");
}

/** The signing key: an HMAC chain from "aliyun_v4" + secret over date, region, service, terminator. */
export function ossV4SigningKey(secret: string, day: string, region: string): Buffer {
  const dateKey = hmacSha256(`${KEY_PREFIX}${secret}`, day);
  const regionKey = hmacSha256(dateKey, region);
  const serviceKey = hmacSha256(regionKey, SERVICE);
  return hmacSha256(serviceKey, TERMINATOR);
}

/**
 * The `Authorization` header value for `request`, which must already carry `x-oss-date` (and
 * `x-oss-security-token` when the credentials have one, so that it is signed).
 */
export function ossV4Authorization(
  request: SignableRequest,
  credentials: SigningCredentials,
  region: string,
  additional: readonly string[] = [],
  signingKey: (secret: string, day: string, region: string) => Buffer = ossV4SigningKey,
): string {
  const timestamp = request.headers["x-oss-date"];
  if (timestamp === undefined) throw new Error("OSS V4 signing needs the x-oss-date header");
  const canonical = ossV4CanonicalRequest(request, additional);
  const key = signingKey(credentials.secretAccessKey, timestamp.slice(0, 8), region);
  const signature = hmacSha256(key, ossV4StringToSign(canonical, timestamp, region)).toString("hex");
  const extra = ossV4AdditionalHeaders(request, additional);
  const parts = [`Credential=${credentials.accessKeyId}/${ossV4Scope(timestamp, region)}`];
  if (extra.length > 0) parts.push(`AdditionalHeaders=${extra.join(";")}`);
  parts.push(`Signature=${signature}`);
  return `${OSS_V4_ALGORITHM} ${parts.join(",")}`;
}
