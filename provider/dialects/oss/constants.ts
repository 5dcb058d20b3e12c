/** The OSS dialect's own protocol strings (Alibaba Cloud OSS's documents). */

/** The only data-encryption value the OSS dialect accepts with KMS (`KMSDataEncryption`). */
export const OSS_KMS_DATA_ENCRYPTION_VALUES = ["SM4"] as const;

/** A data-encryption algorithm the OSS dialect accepts with KMS. */
export type KmsDataEncryption = (typeof OSS_KMS_DATA_ENCRYPTION_VALUES)[number];

/** OSS signature versions, the default first: V4 (OSS4-HMAC-SHA256); V1 (HMAC-SHA1) is being retired. */
export const OSS_SIGNATURE_VERSIONS = ["v4", "v1"] as const;

/** An OSS signature version. */
export type SignatureVersion = (typeof OSS_SIGNATURE_VERSIONS)[number];

/** Error codes (with HTTP 404) that mean "this bucket has no rule" or "this bucket does not exist". */
export const OSS_RULE_GONE_CODES = ["NoSuchServerSideEncryptionRule", "NoSuchBucket"] as const;
