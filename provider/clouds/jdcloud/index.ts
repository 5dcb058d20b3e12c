import { dnsBucketNameProblem } from "../../dialects/bucketName";
import { S3_KMS_WIRE_VALUE, S3_RULE_GONE_CODES } from "../../dialects/s3/constants";
import { decodeS3Rule, encodeS3Rule } from "../../dialects/s3/ruleXml";
import { signS3Request } from "../../dialects/s3/sign";
import type { CloudModule } from "../cloudModule";
import { JDCLOUD_CREDENTIALS, jdcloudCredentials } from "./credentials";
import { jdcloudBucketListing } from "./listBuckets";
import { jdcloudIdentityRules } from "./names";
import { JDCLOUD_PROVIDER_SETTINGS } from "./providerSettings";
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
  kmsDataEncryptions: [],
  signatureVersions: [],
  signatureName: "AWS Signature V4",
  publicEndpointHost: (region) => `s3.${region}.jdcloud-oss.com`,
  goneCodes: S3_RULE_GONE_CODES,
  encodeRule: encodeS3Rule,
  decodeRule: decodeS3Rule,
  sign: signS3Request,
  bucketListing: jdcloudBucketListing,
  credentialConventions: JDCLOUD_CREDENTIALS,
  credentials: jdcloudCredentials,
  identityRules: jdcloudIdentityRules,
  providerSettings: JDCLOUD_PROVIDER_SETTINGS,
};
