import { MalformedResponseError } from "../../errors/MalformedResponseError";
import type { EncryptionRule, LiveRule } from "../../model/types";
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

/**
 * The rule in an OSS GetBucketEncryption body, as the server holds it: every value is a fact and
 * is kept as it came, whatever `check` would say of it as an input. Throws MalformedResponseError
 * only when the body is not a rule document.
 */
export function decodeOssRule(body: string): LiveRule {
  const byDefault = childElement(childElement(parseXml(body), "ServerSideEncryptionRule"), "ApplyServerSideEncryptionByDefault");
  if (byDefault === undefined) {
    throw new MalformedResponseError("the body is not a ServerSideEncryptionRule with ApplyServerSideEncryptionByDefault");
  }
  const keyId = childText(byDefault, "KMSMasterKeyID");
  const dataEncryption = childText(byDefault, "KMSDataEncryption");
  return {
    sseAlgorithm: childText(byDefault, "SSEAlgorithm") ?? "",
    ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}),
    ...(dataEncryption !== undefined && dataEncryption !== "" ? { kmsDataEncryption: dataEncryption } : {}),
  };
}
