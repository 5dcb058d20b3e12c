/**
 * The protocol strings every cloud shares, named once. What belongs to one dialect or cloud lives
 * in its own folder (`dialects/oss/constants.ts`, `dialects/s3/constants.ts`, `clouds/<cloud>/`).
 */

/** The clouds this package manages, by the name a resource's `cloud` input uses, in registry order. */
export const CLOUD_NAMES = ["jdcloud", "aliyun"] as const;

/** The one algorithm vocabulary shared by both clouds. */
export const SSE_ALGORITHMS = ["KMS", "AES256", "SM4"] as const;

/** The subresource that addresses a bucket's encryption rule in both dialects. */
export const ENCRYPTION_SUBRESOURCE = "encryption";

/** Content type sent with every call (both Aliyun SDKs sign it on all three calls). */
export const XML_CONTENT_TYPE = "application/xml";

/** Base64 MD5 of the empty body, sent on GET and DELETE as the official OSS SDKs do. */
export const EMPTY_BODY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

/** The one "no such bucket" error code both dialects share (with HTTP 404). */
export const NO_SUCH_BUCKET_CODE = "NoSuchBucket";

/** Header names under which each service returns its request id. */
export const REQUEST_ID_HEADERS = ["x-oss-request-id", "x-amz-request-id", "x-req-id"] as const;

/**
 * The value the Pulumi engine sends for an input that is not known yet during preview
 * (`@pulumi/pulumi`'s `runtime.unknownValue`), written out so the lifecycle need not load the SDK.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
