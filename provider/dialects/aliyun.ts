import { UNSIGNED_PAYLOAD } from "../constants";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { EncryptionRule, SseAlgorithm } from "../model";
import { ossV1Authorization } from "../signing/ossV1";
import { ossV4Authorization, ossV4Timestamp } from "../signing/ossV4";
import { childElement, childText, escapeXml, parseXml } from "../xml/parseXml";
import type { Dialect } from "./dialect";

const ALGORITHMS: readonly SseAlgorithm[] = ["KMS", "AES256", "SM4"];

/** Alibaba Cloud OSS: `ServerSideEncryptionRule` XML and the OSS V4 (or V1) signature. */
export const aliyunDialect: Dialect = {
  cloud: "aliyun",
  serviceName: "Alibaba Cloud OSS",

  publicEndpointHost: (region) => `oss-${region}.aliyuncs.com`,

  encodeRule(rule) {
    // No namespace and no <Rule> wrapper (the Aliyun document); empty elements are omitted as the
    // official Go SDK does, because the service treats an empty KMSMasterKeyID as absent anyway.
    const children = [
      `<SSEAlgorithm>${rule.sseAlgorithm}</SSEAlgorithm>`,
      rule.kmsMasterKeyId !== undefined ? `<KMSMasterKeyID>${escapeXml(rule.kmsMasterKeyId)}</KMSMasterKeyID>` : "",
      rule.kmsDataEncryption !== undefined ? `<KMSDataEncryption>${rule.kmsDataEncryption}</KMSDataEncryption>` : "",
    ].join("");
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${children}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`;
  },

  decodeRule(body) {
    const byDefault = childElement(childElement(parseXml(body), "ServerSideEncryptionRule"), "ApplyServerSideEncryptionByDefault");
    const algorithm = childText(byDefault, "SSEAlgorithm");
    if (algorithm === undefined || !(ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new MalformedResponseError(
        `the rule read back has SSEAlgorithm ${JSON.stringify(algorithm ?? null)}, not one of ${ALGORITHMS.join(", ")}`,
      );
    }
    const keyId = childText(byDefault, "KMSMasterKeyID");
    const dataEncryption = childText(byDefault, "KMSDataEncryption");
    if (dataEncryption !== undefined && dataEncryption !== "" && dataEncryption !== "SM4") {
      throw new MalformedResponseError(`the rule read back has KMSDataEncryption ${JSON.stringify(dataEncryption)}, not SM4`);
    }
    return {
      sseAlgorithm: algorithm as SseAlgorithm,
      ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}),
      ...(dataEncryption === "SM4" ? { kmsDataEncryption: "SM4" as const } : {}),
    } satisfies EncryptionRule;
  },

  sign(request, credentials, now, options) {
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
      headers["authorization"] = ossV4Authorization(signable, credentials, request.region, [], cache !== undefined ? (s, d, r) => cache.ossV4Key(s, d, r) : undefined);
    }
    return Promise.resolve(headers);
  },
};
