/** The S3 dialect's own protocol strings (the S3 API, as JD Cloud OSS documents it). */

/** S3 writes KMS as `aws:kms` on the wire; S3-style clouds accept it as an input alias too. */
export const S3_KMS_WIRE_VALUE = "aws:kms";

/** The namespace the S3 dialect puts on `ServerSideEncryptionConfiguration` (JD Cloud's document). */
export const S3_XML_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Error codes (with HTTP 404) that mean "this bucket has no rule" or "this bucket does not exist". */
export const S3_RULE_GONE_CODES = ["ServerSideEncryptionConfigurationNotFoundError", "NoSuchBucket"] as const;
