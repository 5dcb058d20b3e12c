/** What to do next, for the service error codes users meet most. */
const HINTS: Readonly<Record<string, string>> = {
  AccessDenied:
    "the access key lacks permission for bucket encryption (PutBucketEncryption/GetBucketEncryption/DeleteBucketEncryption), or the bucket belongs to another account",
  InvalidAccessKeyId: "the access key id is unknown to the service; check the configured credentials and the cloud",
  SignatureDoesNotMatch: "the secret key does not match the access key id; check the configured credentials",
  NoSuchBucket: "the bucket does not exist in this region; create it first or correct bucket/region",
  InvalidArgument: "the service refused a value of the rule; check sseAlgorithm, kmsMasterKeyId and kmsDataEncryption",
  InvalidEncryptionAlgorithmError: "the service refused sseAlgorithm; see the cloud's supported algorithms",
  MalformedXML: "the service refused the rule; on S3-compatible servers aws:kms may need a kmsMasterKeyId the server knows",
  KMS_KEY_NOT_FOUND: "the KMS key does not exist in this region or account",
  SecondLevelDomainForbidden: "this endpoint needs virtual-hosted addressing; use the cloud's domain or a custom domain as endpoint",
  SecurityTokenExpired: "the temporary credentials expired before the request arrived; check the machine's clock, or the credential source's lifetime",
  InvalidSecurityToken: "the security token does not belong to the access key id; configure temporary credentials as one set (id, secret, token) from one source",
  NotImplemented: "the server does not implement bucket encryption (an S3-compatible server without a KMS?)",
};

/** The hint for `code`, if there is one. */
export function hintFor(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  // Own keys only: the code comes from a server and may be "toString".
  if (Object.prototype.hasOwnProperty.call(HINTS, code)) return HINTS[code];
  if (code.startsWith("kms:")) return "the KMS refused the key; check kmsMasterKeyId";
  return undefined;
}
