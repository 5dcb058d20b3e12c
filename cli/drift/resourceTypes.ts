/** The type token of the dynamic resource this package ships. */
export const BUCKET_ENCRYPTION_TYPE = "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption";

/** The type token of the provider plugin's BucketEncryption (same outputs as the dynamic resource). */
export const PLUGIN_RESOURCE_TYPE = "bucket-encryption:index:BucketEncryption";

/** The type token of the provider plugin's own provider resources. */
export const PLUGIN_PROVIDER_TYPE = "pulumi:providers:bucket-encryption";
