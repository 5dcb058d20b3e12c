import { SignatureV4 } from "@smithy/signature-v4";
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { NodeSha256 } from "../../provider/signing/hashing";
import { signUtils } from "./aliOssSignUtils";

/** A request as the emulator received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly bucket: string;
  /** The path as sent (`/` or `/<bucket>/`). */
  readonly path: string;
  /** Query parameters; a bare `?encryption` is `{ encryption: null }`. */
  readonly query: Readonly<Record<string, string | null>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Why a signature was refused, as the service's error code and message. */
export interface SignatureProblem {
  readonly code: string;
  readonly message: string;
}

const SKEW_LIMIT_MS = 15 * 60 * 1000;

/** Flattens Node's header object to lower-case single values. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : v;
  return out;
}

const UNKNOWN_KEY: SignatureProblem = { code: "InvalidAccessKeyId", message: "The Access Key Id you provided does not exist in our records." };
const MISMATCH: SignatureProblem = { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided." };

/** Milliseconds since the epoch for a compact ISO time (`20261122T120000Z`), NaN if it is not one. */
function parseCompactTime(text: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? "");
  return m === null ? Number.NaN : Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

function skewProblem(at: number, now: number): SignatureProblem | undefined {
  if (Number.isNaN(at)) return { code: "AccessDenied", message: "The request date is missing or malformed." };
  if (Math.abs(now - at) > SKEW_LIMIT_MS) {
    return { code: "RequestTimeTooSkewed", message: "The difference between the request time and the current time is too large." };
  }
  return undefined;
}

/**
 * Verifies an OSS V4 or V1 signature with ali-oss's own functions. Returns the access key id on
 * success, else the problem.
 */
export function verifyOssSignature(
  request: ReceivedRequest,
  secrets: ReadonlyMap<string, string>,
  now: number,
): { accessKeyId: string } | SignatureProblem {
  const auth = request.headers["authorization"] ?? "";
  const v4 = /^OSS4-HMAC-SHA256 Credential=([^/,]+)\/(\d{8})\/([^/,]+)\/oss\/aliyun_v4_request,(?:AdditionalHeaders=([^,]+),)?Signature=([0-9a-f]{64})$/.exec(auth);
  if (v4 !== null) {
    const [, accessKeyId = "", , region = "", additional, signature] = v4;
    const secret = secrets.get(accessKeyId);
    if (secret === undefined) return UNKNOWN_KEY;
    const skew = skewProblem(parseCompactTime(request.headers["x-oss-date"]), now);
    if (skew !== undefined) return skew;
    const expected = signUtils.authorizationV4(
      accessKeyId,
      secret,
      region,
      request.method,
      { headers: { ...request.headers }, queries: { ...request.query } },
      request.bucket,
      "",
      additional?.split(";"),
    );
    return expected.endsWith(`Signature=${signature}`) ? { accessKeyId } : MISMATCH;
  }
  const v1 = /^OSS ([^:]+):(.+)$/.exec(auth);
  if (v1 !== null) {
    const [, accessKeyId = "", signature] = v1;
    const secret = secrets.get(accessKeyId);
    if (secret === undefined) return UNKNOWN_KEY;
    const dateHeader = request.headers["x-oss-date"] ?? request.headers["date"] ?? "";
    const skew = skewProblem(Date.parse(dateHeader), now);
    if (skew !== undefined) return skew;
    // A service call (ListBuckets) signs the resource `/` and no parameters: prefix, marker and
    // max-keys are not subresources.
    const service = request.bucket === "";
    const canonical = signUtils.buildCanonicalString(
      request.method,
      service ? "/" : `/${request.bucket}/`,
      { headers: { ...request.headers }, parameters: service ? {} : { ...request.query } },
      request.headers["x-oss-date"] === undefined ? request.headers["date"] : undefined,
    );
    const expected = signUtils.authorization(accessKeyId, secret, canonical);
    return expected === `OSS ${accessKeyId}:${signature}` ? { accessKeyId } : MISMATCH;
  }
  return { code: "AccessDenied", message: "The request carries no OSS signature." };
}

/**
 * Verifies an AWS SigV4 request (the S3 dialect) by signing the same request again with the
 * headers it says it signed. Used only when the emulator stands in for MinIO in the demo.
 */
export async function verifyS3Signature(
  request: ReceivedRequest,
  secrets: ReadonlyMap<string, string>,
  now: number,
): Promise<{ accessKeyId: string } | SignatureProblem> {
  const auth = request.headers["authorization"] ?? "";
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (match === null) return { code: "AccessDenied", message: "The request carries no AWS Signature V4." };
  const [, accessKeyId = "", , region = "", signedHeaders = "", signature] = match;
  const secret = secrets.get(accessKeyId);
  if (secret === undefined) return UNKNOWN_KEY;
  const at = parseCompactTime(request.headers["x-amz-date"]);
  const skew = skewProblem(at, now);
  if (skew !== undefined) return skew;
  const payloadHash = createHash("sha256").update(request.body).digest("hex");
  if (request.headers["x-amz-content-sha256"] !== payloadHash) return { code: "XAmzContentSHA256Mismatch", message: "The provided 'x-amz-content-sha256' header does not match what was computed." };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(";")) headers[name] = request.headers[name] ?? "";
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.query)) query[k] = v ?? "";
  const signer = new SignatureV4({
    service: "s3",
    region,
    credentials: { accessKeyId, secretAccessKey: secret, ...(request.headers["x-amz-security-token"] ? { sessionToken: request.headers["x-amz-security-token"] } : {}) },
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign(
    { method: request.method, protocol: "http:", hostname: (headers["host"] ?? "").split(":")[0] ?? "", path: request.path, query, headers, body: request.body },
    { signingDate: new Date(at), unsignableHeaders: new Set(), signableHeaders: new Set(signedHeaders.split(";")) },
  );
  return (signed.headers["authorization"] ?? "").endsWith(`Signature=${signature}`)
    ? { accessKeyId }
    : MISMATCH;
}
