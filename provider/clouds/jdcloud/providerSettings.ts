import type { ProviderSetting } from "../../credentials/providerSettings";
import { JDCLOUD_CONFIG } from "./credentials";

/**
 * JD Cloud's settings in the provider plugin's `jdcloud` object: the keys the dynamic resource
 * reads from stack config under `jdcloud:`, with the same meaning and precedence.
 */
export const JDCLOUD_PROVIDER_SETTINGS: readonly ProviderSetting[] = [
  { name: "accessKey", key: JDCLOUD_CONFIG.keys.id, secret: true, description: "The access key; with `secretKey`." },
  { name: "secretKey", key: JDCLOUD_CONFIG.keys.secret, secret: true, description: "The secret key." },
  { name: "securityToken", key: JDCLOUD_CONFIG.keys.token, secret: true, description: "A session token, with temporary keys." },
  { name: "profile", key: JDCLOUD_CONFIG.profile, secret: false, description: "A profile of the `jdc` CLI (`~/.jdc/config`)." },
];
