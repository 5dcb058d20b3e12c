import type { Credentials } from "../../model/types";
import type { BucketRequest, SignedRequest, SigningOptions } from "../../requests/bucketRequest";
import { signAwsV4 } from "../../signing/awsV4";
import { sha256Hex } from "../../signing/hashing";

/**
 * Signs an S3-dialect request with AWS Signature V4. S3 requires the payload hash in
 * `x-amz-content-sha256`; an STS token is added by the signer as `x-amz-security-token`.
 */
export async function signS3Request(request: BucketRequest, credentials: Credentials, now: Date, options: SigningOptions): Promise<SignedRequest> {
  const headers = await signAwsV4(
    {
      method: request.method,
      protocol: request.protocol,
      hostname: request.hostname,
      ...(request.port !== undefined ? { port: request.port } : {}),
      path: request.path,
      query: { ...request.query },
      headers: { ...request.headers, "x-amz-content-sha256": sha256Hex(request.body) },
      body: request.body,
    },
    credentials,
    request.region,
    now,
    options.cache,
  );
  return { ...request, headers, signed: true };
}
