import type { Credentials } from "../../model/types";
import type { BucketRequest, SignedRequest, SigningOptions } from "../../requests/bucketRequest";
import { ossV1Authorization } from "../../signing/ossV1";
import { ossV4Authorization, ossV4Timestamp, UNSIGNED_PAYLOAD } from "../../signing/ossV4";

/**
 * Signs an OSS-dialect request: OSS4-HMAC-SHA256 by default, the older HMAC-SHA1 (V1) when the
 * resource asks for it. An STS token travels in `x-oss-security-token`, which both sign.
 */
export function signOssRequest(request: BucketRequest, credentials: Credentials, now: Date, options: SigningOptions): Promise<SignedRequest> {
  const headers: Record<string, string> = { ...request.headers };
  if (credentials.securityToken !== undefined) headers["x-oss-security-token"] = credentials.securityToken;
  const signable = { method: request.method, bucket: request.bucket, key: "", query: request.query, headers };
  if (options.signatureVersion === "v1") {
    headers["date"] = now.toUTCString();
    headers["authorization"] = ossV1Authorization(signable, credentials);
  } else {
    headers["x-oss-date"] = ossV4Timestamp(now);
    headers["x-oss-content-sha256"] = UNSIGNED_PAYLOAD;
    const cache = options.cache;
    headers["authorization"] = ossV4Authorization(
      signable,
      credentials,
      request.region,
      [],
      cache !== undefined ? (secret, day, region) => cache.ossV4Key(secret, day, region) : undefined,
    );
  }
  return Promise.resolve({ ...request, headers, signed: true });
}
