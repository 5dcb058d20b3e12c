import { dnsBucketNameProblem } from "../../dialects/bucketName";
import { OSS_KMS_DATA_ENCRYPTION_VALUES, OSS_RULE_GONE_CODES, OSS_SIGNATURE_VERSIONS } from "../../dialects/oss/constants";
import { decodeOssRule, encodeOssRule } from "../../dialects/oss/ruleXml";
import { signOssRequest } from "../../dialects/oss/sign";
import { S3_KMS_WIRE_VALUE } from "../../dialects/s3/constants";
import type { CloudModule } from "../cloudModule";
import { ALIYUN_CREDENTIALS } from "./credentials/conventions";
import { ALIYUN_PROVIDER_SETTINGS } from "./credentials/providerSettings";
import { aliyunCredentials } from "./credentials/source";
import { aliyunBucketListing } from "./listBuckets";
import { aliyunIdentityRules } from "./names";
import { normalizeAliyunRegion } from "./region";

/**
 * Alibaba Cloud OSS: the OSS dialect (`ServerSideEncryptionRule` XML, OSS4-HMAC-SHA256 or V1),
 * virtual-hosted addressing on `<bucket>.oss-<region>.aliyuncs.com` (the service answers
 * path-style requests with SecondLevelDomainForbidden), every algorithm of the shared vocabulary.
 */
export const aliyun: CloudModule = {
  serviceName: "Alibaba Cloud OSS",
  normalizeRegion: normalizeAliyunRegion,
  bucketNameProblem: dnsBucketNameProblem,
  algorithms: ["KMS", "AES256", "SM4"],
  // Accepted since the first release for programs written with the S3 spelling.
  algorithmAliases: { [S3_KMS_WIRE_VALUE]: "KMS" },
  kmsDataEncryptions: OSS_KMS_DATA_ENCRYPTION_VALUES,
  signatureVersions: OSS_SIGNATURE_VERSIONS,
  signatureName: "OSS4-HMAC-SHA256",
  publicEndpointHost: (region) => `oss-${region}.aliyuncs.com`,
  goneCodes: OSS_RULE_GONE_CODES,
  encodeRule: encodeOssRule,
  decodeRule: decodeOssRule,
  sign: signOssRequest,
  bucketListing: aliyunBucketListing,
  credentialConventions: ALIYUN_CREDENTIALS,
  credentials: aliyunCredentials,
  identityRules: aliyunIdentityRules,
  providerSettings: ALIYUN_PROVIDER_SETTINGS,
};
