import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "./hashing";
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
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: "s3",
    region,
    sha256: NodeSha256,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.securityToken !== undefined ? { sessionToken: credentials.securityToken } : {}),
    },
    // S3 signs the path as sent, without encoding it a second time.
    uriEscapePath: false,
    applyChecksum: true,
  });
  const signed = await signer.sign({ ...request, headers: { ...request.headers }, query: { ...request.query } }, { signingDate });
  return signed.headers;
}
