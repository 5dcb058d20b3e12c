import path from "node:path";
import { parse as parseIni } from "ini";
import { readCredentialFile, readOptionalCredentialFile } from "../../credentials/boundedFile";
import type { CredentialSource } from "../../credentials/CredentialSource";
import { type ConfigLookup, configKeyName, type CredentialConvention, fromConfig, fromEnvironment } from "../../credentials/staticConventions";
import type { Surroundings } from "../../credentials/surroundings";
import { CredentialConfigError } from "../../errors/CredentialConfigError";
import type { Credentials, ResourceIdentity } from "../../model/types";
import { jdcProfileNameProblem } from "./names";

/** Stack config keys, following the established providers' `<cloud>:accessKey` pattern. */
export const JDCLOUD_CONFIG = {
  keys: { id: "jdcloud:accessKey", secret: "jdcloud:secretKey", token: "jdcloud:securityToken" },
  profile: "jdcloud:profile",
} as const;

/** Stack config keys under `jdcloud:`, then the JD Cloud SDK's and the lego DNS plugin's environment names. */
export const JDCLOUD_CREDENTIALS: { readonly config: CredentialConvention; readonly environment: readonly CredentialConvention[] } = {
  config: JDCLOUD_CONFIG.keys,
  environment: [
    { id: "JDCLOUD_ACCESS_KEY", secret: "JDCLOUD_SECRET_KEY", token: "JDCLOUD_SESSION_TOKEN" },
    { id: "JDCLOUD_ACCESS_KEY_ID", secret: "JDCLOUD_ACCESS_KEY_SECRET" },
  ],
};

/** A JD Cloud base identity: key pairs, or a profile of the `jdc` CLI's `~/.jdc/config`. */
export type JdcloudCredentialPlan =
  | { readonly kind: "static"; readonly name: string; readonly credentials: Credentials }
  | { readonly kind: "jdcProfile"; readonly name: string; readonly profile: string | undefined; readonly configFile: string; readonly currentFile: string };


/**
 * JD Cloud's credential precedence, the one place it is decided: stack config
 * `jdcloud:accessKey`/`secretKey`/`securityToken`; stack config `jdcloud:profile` (a profile of
 * `~/.jdc/config`); the environment's key pairs; the `jdc` CLI's active profile (named in
 * `~/.jdc/current`, else `default`) when `~/.jdc/config` exists. No file is read here (only
 * whether one exists). A resource's `profile` input comes before all of them. Undefined when
 * nothing is configured.
 */
export function planJdcloudCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity = {}): JdcloudCredentialPlan | undefined {
  const configFile = path.join(around.homeDir, ".jdc", "config");
  const currentFile = path.join(around.homeDir, ".jdc", "current");
  if (identity.profile !== undefined) {
    const name = `input profile "${identity.profile}" (of ~/.jdc/config)`;
    if (!around.fileExists(configFile)) throw new CredentialConfigError(name, `names a profile but ${configFile} does not exist (create it with jdc configure add)`);
    return { kind: "jdcProfile", name, profile: identity.profile, configFile, currentFile };
  }
  const keys = fromConfig(config, JDCLOUD_CONFIG.keys);
  if (keys !== undefined) return { kind: "static", name: keys.source ?? configKeyName(config, JDCLOUD_CONFIG.keys.id), credentials: keys };
  const profile = config(JDCLOUD_CONFIG.profile);
  if (profile !== undefined && profile !== "") {
    const key = configKeyName(config, JDCLOUD_CONFIG.profile);
    const name = `${key} (profile "${profile}" of ~/.jdc/config)`;
    const problem = jdcProfileNameProblem(profile);
    if (problem !== undefined) throw new CredentialConfigError(key, problem);
    if (!around.fileExists(configFile)) throw new CredentialConfigError(name, `names a profile but ${configFile} does not exist (create it with jdc configure add)`);
    return { kind: "jdcProfile", name, profile, configFile, currentFile };
  }
  const fromEnv = fromEnvironment(env, JDCLOUD_CREDENTIALS.environment);
  if (fromEnv !== undefined) return { kind: "static", name: fromEnv.source ?? "environment", credentials: fromEnv };
  if (around.fileExists(configFile)) return { kind: "jdcProfile", name: "the active profile of ~/.jdc/config", profile: undefined, configFile, currentFile };
  return undefined;
}

/**
 * The keys of one `jdc` profile; errors name the profile, never a value (the cache names the
 * source around them).
 */
export function readJdcProfile(configText: string, currentText: string | undefined, requested: string | undefined, sourceName: string): Credentials {
  const profile = requested ?? (currentText?.trim() || "default");
  const sections = parseIni(configText);
  const section: unknown = sections[profile];
  if (typeof section !== "object" || section === null) {
    throw new Error(`~/.jdc/config has no profile "${profile}" (profiles: ${Object.keys(sections).join(", ") || "none"})`);
  }
  const fields = section as Record<string, unknown>;
  const id = fields["access_key"];
  const secret = fields["secret_key"];
  if (typeof id !== "string" || id === "" || typeof secret !== "string" || secret === "") {
    throw new Error(`profile "${profile}" of ~/.jdc/config lacks access_key or secret_key`);
  }
  return { accessKeyId: id, secretAccessKey: secret, source: requested === undefined ? `${sourceName} ("${profile}")` : sourceName };
}

/**
 * The source a JD Cloud plan describes; a profile is read when credentials are first needed, each
 * file through the bounded reader (a FIFO, a device or an oversized file fails naming it).
 * `~/.jdc/current` is read only when no profile is named; its absence means `default`, but one
 * that is there and cannot be read fails: falling back to `default` would sign as someone else.
 */
export function jdcloudCredentialSource(plan: JdcloudCredentialPlan): CredentialSource {
  if (plan.kind === "static") return { name: plan.name, fetch: () => Promise.resolve({ ...plan.credentials, source: plan.name }) };
  return {
    name: plan.name,
    fetch: async () => {
      const currentText = plan.profile === undefined ? await readOptionalCredentialFile(plan.currentFile, "~/.jdc/current") : undefined;
      return readJdcProfile(await readCredentialFile(plan.configFile, "~/.jdc/config"), currentText, plan.profile, plan.name);
    },
  };
}

/** The configured JD Cloud source, or undefined when none is (no request, no file read). */
export function jdcloudCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity): CredentialSource | undefined {
  const plan = planJdcloudCredentials(config, env, around, identity);
  return plan !== undefined ? jdcloudCredentialSource(plan) : undefined;
}
