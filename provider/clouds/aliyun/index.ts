import { RULE_GONE_CODES, S3_KMS_WIRE_VALUE } from "../../constants";
import { decodeOssRule, encodeOssRule } from "../../dialects/oss/ruleXml";
import { signOssRequest } from "../../dialects/oss/sign";
import { dnsBucketNameProblem } from "../../validation/bucketName";
import type { CloudModule } from "../cloudModule";
import { ALIYUN_CREDENTIALS } from "./credentials";
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
  acceptsKmsDataEncryption: true,
  signatureVersions: ["v4", "v1"],
  signatureName: "OSS4-HMAC-SHA256",
  publicEndpointHost: (region) => `oss-${region}.aliyuncs.com`,
  goneCodes: RULE_GONE_CODES.oss,
  encodeRule: encodeOssRule,
  decodeRule: decodeOssRule,
  sign: signOssRequest,
  credentialConventions: ALIYUN_CREDENTIALS,
};
