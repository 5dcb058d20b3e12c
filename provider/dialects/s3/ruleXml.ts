import { S3_KMS_WIRE_VALUE, S3_XML_NAMESPACE } from "../../constants";
import { MalformedResponseError } from "../../errors/MalformedResponseError";
import type { EncryptionRule } from "../../model";
import { childElement, childText, escapeXml, parseXml } from "../../xml/parseXml";

/** The S3 dialect's PUT body: `ServerSideEncryptionConfiguration` with one `<Rule>`; KMS is `aws:kms` on the wire. */
export function encodeS3Rule(rule: EncryptionRule): string {
  const algorithm = rule.sseAlgorithm === "KMS" ? S3_KMS_WIRE_VALUE : rule.sseAlgorithm;
  const key = rule.kmsMasterKeyId !== undefined ? `<KMSMasterKeyID>${escapeXml(rule.kmsMasterKeyId)}</KMSMasterKeyID>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="${S3_XML_NAMESPACE}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
}

/** The rule in an S3 GetBucketEncryption body; throws MalformedResponseError when it is not one. */
export function decodeS3Rule(body: string): EncryptionRule {
  const rule = childElement(childElement(parseXml(body), "ServerSideEncryptionConfiguration"), "Rule");
  const byDefault = childElement(rule, "ApplyServerSideEncryptionByDefault");
  const wire = childText(byDefault, "SSEAlgorithm");
  // An S3 server may hold AES256 when it was set out-of-band; report it so drift is visible.
  const algorithm = wire === S3_KMS_WIRE_VALUE ? "KMS" : wire === "AES256" ? "AES256" : undefined;
  if (algorithm === undefined) {
    throw new MalformedResponseError(`the rule read back has SSEAlgorithm ${JSON.stringify(wire ?? null)}, not ${S3_KMS_WIRE_VALUE} or AES256`);
  }
  const keyId = childText(byDefault, "KMSMasterKeyID");
  return { sseAlgorithm: algorithm, ...(keyId !== undefined && keyId !== "" ? { kmsMasterKeyId: keyId } : {}) };
}
