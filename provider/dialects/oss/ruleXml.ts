import { KMS_DATA_ENCRYPTION_VALUES, SSE_ALGORITHMS } from "../../constants";
import { MalformedResponseError } from "../../errors/MalformedResponseError";
import type { EncryptionRule, SseAlgorithm } from "../../model";
import { childElement, childText, escapeXml, parseXml } from "../../xml/parseXml";

/**
 * The OSS dialect's PUT body: `ServerSideEncryptionRule` without a namespace or a `<Rule>`
 * wrapper (Alibaba Cloud's document). Empty elements are omitted, as the official Go SDK does,
 * because the service treats an empty KMSMasterKeyID as absent anyway.
 */
export function encodeOssRule(rule: EncryptionRule): string {
  const children = [
    `<SSEAlgorithm>${rule.sseAlgorithm}</SSEAlgorithm>`,
    rule.kmsMasterKeyId !== undefined ? `<KMSMasterKeyID>${escapeXml(rule.kmsMasterKeyId)}</KMSMasterKeyID>` : "",
    rule.kmsDataEncryption !== undefined ? `<KMSDataEncryption>${rule.kmsDataEncryption}</KMSDataEncryption>` : "",
  ].join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${children}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`;
}

/** The rule in an OSS GetBucketEncryption body; throws MalformedResponseError when it is not one. */
export function decodeOssRule(body: string): EncryptionRule {
  const byDefault = childElement(childElement(parseXml(body), "ServerSideEncryptionRule"), "ApplyServerSideEncryptionByDefault");
  const algorithm = childText(byDefault, "SSEAlgorithm");
  if (algorithm === undefined || !(SSE_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new MalformedResponseError(
      `the rule read back has SSEAlgorithm ${JSON.stringify(algorithm ?? null)}, not one of ${SSE_ALGORITHMS.join(", ")}`,
    );
  }
  const keyId = childText(byDefault, "KMSMasterKeyID");
  const dataEncryption = childText(byDefault, "KMSDataEncryption");
  if (dataEncryption !== undefined && dataEncryption !== "" && !(KMS_DATA_ENCRYPTION_VALUES as readonly string[]).includes(dataEncryption)) {
    throw new MalformedResponseError(`the rule read back has KMSDataEncryption ${JSON.stringify(dataEncryption)}, not SM4`);
  }
  return {
    sseAlgorithm: algorithm as SseAlgorithm,
    ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}),
    ...(dataEncryption === "SM4" ? { kmsDataEncryption: "SM4" as const } : {}),
  };
}
