import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseIni } from "ini";
import { type ConfigLookup, fromConvention, fromEnvironment } from "../../credentials/staticConventions";
import type { CredentialSource } from "../../credentials/CredentialSource";
import { CredentialConfigError } from "../../errors/CredentialConfigError";
import type { Credentials, ResourceIdentity } from "../../model";
import type { CloudModule, Surroundings } from "../cloudModule";

/** Stack config keys, following the established providers' `<cloud>:accessKey` pattern. */
export const JDCLOUD_CONFIG = {
  keys: { id: "jdcloud:accessKey", secret: "jdcloud:secretKey", token: "jdcloud:securityToken" },
  profile: "jdcloud:profile",
} as const;

/** Stack config keys under `jdcloud:`, then the JD Cloud SDK's and the lego DNS plugin's environment names. */
export const JDCLOUD_CREDENTIALS: CloudModule["credentialConventions"] = {
  config: JDCLOUD_CONFIG.keys,
  environment: [
    { id: "JDCLOUD_ACCESS_KEY", secret: "JDCLOUD_SECRET_KEY", token: "JDCLOUD_SESSION_TOKEN" },
    { id: "JDCLOUD_ACCESS_KEY_ID", secret: "JDCLOUD_ACCESS_KEY_SECRET" },
  ],
};

const PROFILE_NAME = /^[^\s/\\[\]]{1,64}$/;

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
  const keys = fromConvention(config, JDCLOUD_CONFIG.keys, "stack config");
  if (keys !== undefined) return { kind: "static", name: keys.source ?? "stack config", credentials: keys };
  const profile = config(JDCLOUD_CONFIG.profile);
  if (profile !== undefined && profile !== "") {
    const name = `stack config ${JDCLOUD_CONFIG.profile} (profile "${profile}" of ~/.jdc/config)`;
    if (!PROFILE_NAME.test(profile)) throw new CredentialConfigError(`stack config ${JDCLOUD_CONFIG.profile}`, "must be a profile name");
    if (!around.fileExists(configFile)) throw new CredentialConfigError(name, `names a profile but ${configFile} does not exist (create it with jdc configure add)`);
    return { kind: "jdcProfile", name, profile, configFile, currentFile };
  }
  const fromEnv = fromEnvironment(env, JDCLOUD_CREDENTIALS.environment);
  if (fromEnv !== undefined) return { kind: "static", name: fromEnv.source ?? "environment", credentials: fromEnv };
  if (around.fileExists(configFile)) return { kind: "jdcProfile", name: "the active profile of ~/.jdc/config", profile: undefined, configFile, currentFile };
  return undefined;
}

/** JD Cloud has no role assumption (no STS found in its documents): a role ARN is always refused. */
export function jdcloudRoleArnProblem(): string {
  return "is not available on JD Cloud, which has no role assumption; name a jdc profile with the profile input instead";
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

/** The source a JD Cloud plan describes; a profile is read when credentials are first needed. */
export function jdcloudCredentialSource(plan: JdcloudCredentialPlan): CredentialSource {
  if (plan.kind === "static") return { name: plan.name, fetch: () => Promise.resolve({ ...plan.credentials, source: plan.name }) };
  return {
    name: plan.name,
    fetch: () => {
      let currentText: string | undefined;
      try {
        currentText = readFileSync(plan.currentFile, "utf8");
      } catch {
        currentText = undefined;
      }
      return Promise.resolve(readJdcProfile(readFileSync(plan.configFile, "utf8"), currentText, plan.profile, plan.name));
    },
  };
}

/** The configured JD Cloud source, or undefined when none is (no request, no file read). */
export function jdcloudCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity): CredentialSource | undefined {
  const plan = planJdcloudCredentials(config, env, around, identity);
  return plan !== undefined ? jdcloudCredentialSource(plan) : undefined;
}
