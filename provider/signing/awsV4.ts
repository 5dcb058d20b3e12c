import { SigningCache } from "./signingCache";
import type { SigningCredentials } from "./signableRequest";

/** A request in the shape `@smithy/signature-v4` signs. */
export interface AwsSignableRequest {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Signs an S3-dialect request with AWS Signature V4 (service `s3`) and returns its headers with
 * `authorization`, `x-amz-date` (and `x-amz-security-token`) added. The request must already carry
 * `host` (the signer does not add it) and `x-amz-content-sha256`.
 */
export async function signAwsV4(
  request: AwsSignableRequest,
  credentials: SigningCredentials,
  region: string,
  signingDate: Date,
  cache: SigningCache = new SigningCache(),
): Promise<Record<string, string>> {
  const signer = cache.awsSigner(credentials, region);
  const signed = await signer.sign({ ...request, headers: { ...request.headers }, query: { ...request.query } }, { signingDate });
  return signed.headers;
}
