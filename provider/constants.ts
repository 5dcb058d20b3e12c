/**
 * Every protocol string the product speaks, named once. Values come from the two clouds' API
 * documents (`shared/seeds`) and the facts gathered beside them.
 */

/** The one algorithm vocabulary shared by both clouds. */
export const SSE_ALGORITHMS = ["KMS", "AES256", "SM4"] as const;

/** The S3 dialect writes KMS as `aws:kms` on the wire; S3-style clouds accept it as an input alias too. */
export const S3_KMS_WIRE_VALUE = "aws:kms";

/** The only data-encryption value the OSS dialect accepts with KMS. */
export const KMS_DATA_ENCRYPTION_VALUES = ["SM4"] as const;

/** Aliyun signature versions: V4 (OSS4-HMAC-SHA256) is the default; V1 is being retired. */
export const SIGNATURE_VERSIONS = ["v4", "v1"] as const;

/** The subresource that addresses a bucket's encryption rule in both dialects. */
export const ENCRYPTION_SUBRESOURCE = "encryption";

/** The S3 XML namespace the S3 dialect puts on `ServerSideEncryptionConfiguration` (JD Cloud's document). */
export const S3_XML_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Content type sent with every call (both Aliyun SDKs sign it on all three calls). */
export const XML_CONTENT_TYPE = "application/xml";

/** Base64 MD5 of the empty body, sent on GET and DELETE as the official OSS SDKs do. */
export const EMPTY_BODY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

/** The payload marker OSS V4 requires in `x-oss-content-sha256`. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** Error codes (with HTTP 404) that mean "this bucket has no rule" or "this bucket does not exist", per dialect. */
export const RULE_GONE_CODES = {
  oss: ["NoSuchServerSideEncryptionRule", "NoSuchBucket"],
  s3: ["ServerSideEncryptionConfigurationNotFoundError", "NoSuchBucket"],
} as const;

/** Header names under which each service returns its request id. */
export const REQUEST_ID_HEADERS = ["x-oss-request-id", "x-amz-request-id", "x-req-id"] as const;

/** Largest response body we read; an encryption rule or an error is well under 2 KiB. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * The value the Pulumi engine sends for an input that is not known yet during preview
 * (`@pulumi/pulumi`'s `runtime.unknownValue`), written out so the lifecycle need not load the SDK.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
