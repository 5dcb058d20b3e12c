/**
 * The two type tokens a BucketEncryption has in a stack's state: the dynamic resource's (written
 * by `@pulumi/pulumi` from the module and type names the resource passes) and the provider
 * plugin's. Commands that read state (import, scan, drift) accept both.
 */

/** The module and type names the dynamic resource passes to `pulumi.dynamic.Resource`. */
export const DYNAMIC_MODULE = "bucketEncryption";
/** The type name both resources share. */
export const RESOURCE_NAME = "BucketEncryption";

/** The dynamic resource's type token, `pulumi-nodejs:dynamic/<module>:<type>`. */
export const DYNAMIC_RESOURCE_TYPE = `pulumi-nodejs:dynamic/${DYNAMIC_MODULE}:${RESOURCE_NAME}`;

/** The provider plugin's package name. */
export const PLUGIN_PACKAGE = "bucket-encryption";

/** The provider plugin's resource type token. */
export const PLUGIN_RESOURCE_TYPE = `${PLUGIN_PACKAGE}:index:${RESOURCE_NAME}`;

/** The provider plugin's provider resources' type token. */
export const PLUGIN_PROVIDER_TYPE = `pulumi:providers:${PLUGIN_PACKAGE}`;

/** Every type token a BucketEncryption may have. */
export const RESOURCE_TYPES: readonly string[] = [DYNAMIC_RESOURCE_TYPE, PLUGIN_RESOURCE_TYPE];

/** True when `type` is a BucketEncryption of either kind. */
export function isBucketEncryptionType(type: unknown): boolean {
  return typeof type === "string" && RESOURCE_TYPES.includes(type);
}
