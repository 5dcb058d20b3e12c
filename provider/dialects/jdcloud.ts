import { S3_KMS_WIRE_VALUE, S3_XML_NAMESPACE } from "../constants";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { EncryptionRule } from "../model";
import { signAwsV4 } from "../signing/awsV4";
import { sha256Hex } from "../signing/hashing";
import { childElement, childText, escapeXml, parseXml } from "../xml/parseXml";
import type { Dialect } from "./dialect";

/** JD Cloud OSS: S3's `ServerSideEncryptionConfiguration` XML and AWS Signature V4. */
export const jdcloudDialect: Dialect = {
  cloud: "jdcloud",
  serviceName: "JD Cloud OSS",

  // The current domain; the seed's `s3.<region>.jcloudcs.com` is the older one (use `endpoint`).
  publicEndpointHost: (region) => `s3.${region}.jdcloud-oss.com`,

  encodeRule(rule) {
    // JD Cloud accepts only SSE-KMS (checked before any request); the wire value is aws:kms.
    const algorithm = rule.sseAlgorithm === "KMS" ? S3_KMS_WIRE_VALUE : rule.sseAlgorithm;
    const key = rule.kmsMasterKeyId !== undefined ? `<KMSMasterKeyID>${escapeXml(rule.kmsMasterKeyId)}</KMSMasterKeyID>` : "";
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="${S3_XML_NAMESPACE}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
  },

  decodeRule(body) {
    const rule = childElement(childElement(parseXml(body), "ServerSideEncryptionConfiguration"), "Rule");
    const byDefault = childElement(rule, "ApplyServerSideEncryptionByDefault");
    const wire = childText(byDefault, "SSEAlgorithm");
    // An S3 server may hold AES256 when it was set out-of-band; report it so drift is visible.
    const algorithm = wire === S3_KMS_WIRE_VALUE ? "KMS" : wire === "AES256" ? "AES256" : undefined;
    if (algorithm === undefined) {
      throw new MalformedResponseError(`the rule read back has SSEAlgorithm ${JSON.stringify(wire ?? null)}, not ${S3_KMS_WIRE_VALUE} or AES256`);
    }
    const keyId = childText(byDefault, "KMSMasterKeyID");
    return {
      sseAlgorithm: algorithm,
      ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}),
    } satisfies EncryptionRule;
  },

  async sign(request, credentials, now, options) {
    const headers = { ...request.headers, "x-amz-content-sha256": sha256Hex(request.body) };
    return signAwsV4(
      {
        method: request.method,
        protocol: request.protocol,
        hostname: request.hostname,
        ...(request.port !== undefined ? { port: request.port } : {}),
        path: request.path,
        query: { ...request.query },
        headers,
        body: request.body,
      },
      credentials,
      request.region,
      now,
      options.cache,
    );
  },
};
