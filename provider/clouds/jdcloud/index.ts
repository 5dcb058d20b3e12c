import { RULE_GONE_CODES, S3_KMS_WIRE_VALUE } from "../../constants";
import { decodeS3Rule, encodeS3Rule } from "../../dialects/s3/ruleXml";
import { signS3Request } from "../../dialects/s3/sign";
import { dnsBucketNameProblem } from "../../validation/bucketName";
import type { CloudModule } from "../cloudModule";
import { JDCLOUD_CREDENTIALS } from "./credentials";
import { normalizeJdcloudRegion } from "./region";

/**
 * JD Cloud OSS: the S3 dialect (`ServerSideEncryptionConfiguration` XML, AWS Signature V4),
 * virtual-hosted addressing on `<bucket>.s3.<region>.jdcloud-oss.com` (the seed's older
 * `s3.<region>.jcloudcs.com` works through `endpoint`). Its document: "only supports SSE-KMS".
 */
export const jdcloud: CloudModule = {
  serviceName: "JD Cloud OSS",
  normalizeRegion: normalizeJdcloudRegion,
  bucketNameProblem: (bucket) =>
    dnsBucketNameProblem(bucket) ?? (bucket.includes("--") ? "JD Cloud bucket names must not contain consecutive hyphens" : undefined),
  algorithms: ["KMS"],
  algorithmAliases: { [S3_KMS_WIRE_VALUE]: "KMS" },
  acceptsKmsDataEncryption: false,
  signatureVersions: [],
  signatureName: "AWS Signature V4",
  publicEndpointHost: (region) => `s3.${region}.jdcloud-oss.com`,
  goneCodes: RULE_GONE_CODES.s3,
  encodeRule: encodeS3Rule,
  decodeRule: decodeS3Rule,
  sign: signS3Request,
  credentialConventions: JDCLOUD_CREDENTIALS,
};
