/** The stack-config namespaces the dynamic provider reads: credentials, endpoints, request settings. */
export const PROVIDER_NAMESPACES: readonly string[] = ["alicloud:", "jdcloud:", "bucketEncryption:"];

/** Whether the dynamic provider reads config key `key`. */
export function isProviderKey(key: string): boolean {
  return PROVIDER_NAMESPACES.some((ns) => key.startsWith(ns));
}
