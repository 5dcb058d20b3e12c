import { S3_KMS_WIRE_VALUE, S3_XML_NAMESPACE } from "./constants";
import { MalformedResponseError } from "../../errors/MalformedResponseError";
import type { EncryptionRule, LiveRule } from "../../model/types";
import { childElement, childText, escapeXml, parseXml } from "../../xml/parseXml";

/** The S3 dialect's PUT body: `ServerSideEncryptionConfiguration` with one `<Rule>`; KMS is `aws:kms` on the wire. */
export function encodeS3Rule(rule: EncryptionRule): string {
  const algorithm = rule.sseAlgorithm === "KMS" ? S3_KMS_WIRE_VALUE : rule.sseAlgorithm;
  const key = rule.kmsMasterKeyId !== undefined ? `<KMSMasterKeyID>${escapeXml(rule.kmsMasterKeyId)}</KMSMasterKeyID>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="${S3_XML_NAMESPACE}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
}

/**
 * The rule in an S3 GetBucketEncryption body, as the server holds it: `aws:kms` is KMS in the
 * shared vocabulary; any other algorithm (AES256 set out-of-band, a value this package has never
 * seen) and any key id are facts and kept as they came. Throws MalformedResponseError only when
 * the body is not a rule document.
 */
export function decodeS3Rule(body: string): LiveRule {
  const rule = childElement(childElement(parseXml(body), "ServerSideEncryptionConfiguration"), "Rule");
  const byDefault = childElement(rule, "ApplyServerSideEncryptionByDefault");
  if (byDefault === undefined) {
    throw new MalformedResponseError("the body is not a ServerSideEncryptionConfiguration with a Rule and ApplyServerSideEncryptionByDefault");
  }
  const wire = childText(byDefault, "SSEAlgorithm") ?? "";
  const keyId = childText(byDefault, "KMSMasterKeyID");
  return { sseAlgorithm: wire === S3_KMS_WIRE_VALUE ? "KMS" : wire, ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}) };
}
