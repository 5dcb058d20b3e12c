import path from "node:path";
import { type ConfigLookup, fromConvention, fromEnvironment } from "../../credentials/staticConventions";
import { ObjectFields, readObjectConfig } from "../../credentials/structuredConfig";
import { CredentialConfigError } from "../../errors/CredentialConfigError";
import type { Credentials, ResourceIdentity } from "../../model";
import type { CloudModule, Surroundings } from "../cloudModule";

/** Stack config keys, as pulumi-alicloud names them. */
export const ALIYUN_CONFIG = {
  keys: { id: "alicloud:accessKey", secret: "alicloud:secretKey", token: "alicloud:securityToken" },
  assumeRole: "alicloud:assumeRole",
  assumeRoleWithOidc: "alicloud:assumeRoleWithOidc",
  profile: "alicloud:profile",
  ecsRoleName: "alicloud:ecsRoleName",
  credentialsUri: "alicloud:credentialsUri",
  stsEndpoint: "alicloud:stsEndpoint",
  endpoints: "alicloud:endpoints",
} as const;

/**
 * Key pairs: the stack config keys of the established alicloud providers, then the environment
 * conventions in order: the Alibaba Cloud CLI and SDKs, Terraform/Pulumi, the OSS SDKs.
 */
export const ALIYUN_CREDENTIALS: CloudModule["credentialConventions"] = {
  config: ALIYUN_CONFIG.keys,
  environment: [
    { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token: "ALIBABA_CLOUD_SECURITY_TOKEN" },
    { id: "ALICLOUD_ACCESS_KEY", secret: "ALICLOUD_SECRET_KEY", token: "ALICLOUD_SECURITY_TOKEN" },
    { id: "OSS_ACCESS_KEY_ID", secret: "OSS_ACCESS_KEY_SECRET", token: "OSS_SESSION_TOKEN" },
  ],
};

/** The variables of `@alicloud/credentials`'s chain beyond key pairs. */
export const ALIYUN_ENV = {
  roleArn: "ALIBABA_CLOUD_ROLE_ARN",
  oidcProviderArn: "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
  oidcTokenFile: "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
  roleSessionName: "ALIBABA_CLOUD_ROLE_SESSION_NAME",
  profile: "ALIBABA_CLOUD_PROFILE",
  credentialsFile: "ALIBABA_CLOUD_CREDENTIALS_FILE",
  ecsMetadata: "ALIBABA_CLOUD_ECS_METADATA",
  imdsV1Disabled: "ALIBABA_CLOUD_IMDSV1_DISABLED",
  credentialsUri: "ALIBABA_CLOUD_CREDENTIALS_URI",
} as const;

const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@-]{1,64}$/;
const OIDC_PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.@-]{1,128}$/;
const SESSION_NAME = /^[\w.@-]{2,64}$/;
const ECS_ROLE_NAME = /^[\w.@-]{1,64}$/;
const PROFILE_NAME = /^[^\s/\\]{1,64}$/;
const HOST_PORT = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;
/** STS accepts 900 s up to the role's maximum session duration (at most 12 hours). */
const DURATION = [900, 43_200] as const;
/** The session name used when none is configured: it appears in the cloud's audit trail. */
export const DEFAULT_SESSION_NAME = "pulumi-bucket-encryption";

/** Role assumption with OIDC (a CI job's or an ACK pod's identity token, read from a file). */
export interface OidcPlan {
  readonly kind: "oidc";
  readonly name: string;
  readonly roleArn: string;
  readonly oidcProviderArn: string;
  readonly tokenFile: string;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
}

/** One base identity: where the first credentials come from. */
export type AliyunBasePlan =
  | { readonly kind: "static"; readonly name: string; readonly credentials: Credentials }
  | OidcPlan
  | { readonly kind: "cliProfile"; readonly name: string; readonly profile?: string }
  | { readonly kind: "sharedFile"; readonly name: string; readonly profile?: string }
  | { readonly kind: "ecsRole"; readonly name: string; readonly roleName?: string; readonly hardened: boolean }
  | { readonly kind: "uri"; readonly name: string; readonly uri: string };

/** A role assumed with the base identity's credentials (`alicloud:assumeRole`). */
export interface AssumeRolePlan {
  readonly name: string;
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly externalId?: string;
  readonly policy?: string;
}

/** Everything needed to build the source, decided without any request. */
export interface AliyunCredentialPlan {
  readonly base: AliyunBasePlan;
  readonly assumeRole?: AssumeRolePlan;
  readonly stsEndpoint?: string;
}


// The token file must be there at preview: CI writes it, ACK mounts it, before the program runs.
function requireTokenFile(around: Surroundings, source: string, file: string): string {
  if (!around.fileExists(file)) throw new CredentialConfigError(source, `names the OIDC token file ${file}, which does not exist`);
  return file;
}

function oidcFromConfig(config: ConfigLookup, around: Surroundings): OidcPlan | undefined {
  const key = ALIYUN_CONFIG.assumeRoleWithOidc;
  const raw = readObjectConfig(key, config(key));
  if (raw === undefined) return undefined;
  const name = `stack config ${key}`;
  const f = new ObjectFields(name, raw, ["roleArn", "oidcProviderArn", "oidcTokenFile", "roleSessionName", "sessionExpiration", "policy"]);
  const durationSeconds = f.integer("sessionExpiration", ...DURATION);
  const policy = f.string("policy");
  return {
    kind: "oidc",
    name,
    roleArn: f.string("roleArn", { required: true, pattern: ROLE_ARN, shape: "a RAM role ARN (acs:ram::<account>:role/<name>)" }),
    oidcProviderArn: f.string("oidcProviderArn", { required: true, pattern: OIDC_PROVIDER_ARN, shape: "an OIDC provider ARN (acs:ram::<account>:oidc-provider/<name>)" }),
    tokenFile: requireTokenFile(around, name, f.string("oidcTokenFile", { required: true })),
    sessionName: f.string("roleSessionName", { pattern: SESSION_NAME, shape: "2-64 letters, digits, . @ - _" }) ?? DEFAULT_SESSION_NAME,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
}

function oidcFromEnvironment(env: NodeJS.ProcessEnv, around: Surroundings): OidcPlan | undefined {
  const names = [ALIYUN_ENV.roleArn, ALIYUN_ENV.oidcProviderArn, ALIYUN_ENV.oidcTokenFile] as const;
  const set = names.filter((n) => (env[n] ?? "") !== "");
  // ALIBABA_CLOUD_ROLE_ARN alone is not OIDC (the library also reads it for plain role assumption).
  if (set.length === 0 || (set.length === 1 && set[0] === ALIYUN_ENV.roleArn)) return undefined;
  const name = `environment ${ALIYUN_ENV.oidcTokenFile}`;
  if (set.length < names.length) {
    throw new CredentialConfigError(`environment ${set.join(", ")}`, `is an incomplete OIDC setting: also set ${names.filter((n) => !set.includes(n)).join(" and ")}`);
  }
  const roleArn = env[ALIYUN_ENV.roleArn] ?? "";
  const providerArn = env[ALIYUN_ENV.oidcProviderArn] ?? "";
  if (!ROLE_ARN.test(roleArn)) throw new CredentialConfigError(`environment ${ALIYUN_ENV.roleArn}`, "must be a RAM role ARN (acs:ram::<account>:role/<name>)");
  if (!OIDC_PROVIDER_ARN.test(providerArn)) throw new CredentialConfigError(`environment ${ALIYUN_ENV.oidcProviderArn}`, "must be an OIDC provider ARN (acs:ram::<account>:oidc-provider/<name>)");
  const sessionName = env[ALIYUN_ENV.roleSessionName];
  if (sessionName !== undefined && sessionName !== "" && !SESSION_NAME.test(sessionName)) {
    throw new CredentialConfigError(`environment ${ALIYUN_ENV.roleSessionName}`, "must be 2-64 letters, digits, . @ - _");
  }
  return {
    kind: "oidc",
    name,
    roleArn,
    oidcProviderArn: providerArn,
    tokenFile: requireTokenFile(around, name, env[ALIYUN_ENV.oidcTokenFile] ?? ""),
    sessionName: sessionName !== undefined && sessionName !== "" ? sessionName : DEFAULT_SESSION_NAME,
  };
}

function checked(value: string | undefined, pattern: RegExp, source: string, shape: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!pattern.test(value)) throw new CredentialConfigError(source, `must be ${shape}`);
  return value;
}

function uriChecked(value: string | undefined, source: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CredentialConfigError(source, "must be an http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CredentialConfigError(source, "must be an http(s) URL");
  return value;
}

// A named profile needs the CLI's file: its absence is a configuration error found at preview.
function requireCliFile(around: Surroundings, source: string, profile: string): void {
  const file = path.join(around.homeDir, ".aliyun", "config.json");
  if (!around.fileExists(file)) throw new CredentialConfigError(source, `names profile "${profile}" but ${file} does not exist (create it with aliyun configure --profile ${profile})`);
}

/** The base identity from stack config, first match wins. */
function baseFromConfig(config: ConfigLookup, around: Surroundings): AliyunBasePlan | undefined {
  const keys = fromConvention(config, ALIYUN_CONFIG.keys, "stack config");
  if (keys !== undefined) return { kind: "static", name: keys.source ?? "stack config", credentials: keys };
  const oidc = oidcFromConfig(config, around);
  if (oidc !== undefined) return oidc;
  const profile = checked(config(ALIYUN_CONFIG.profile), PROFILE_NAME, `stack config ${ALIYUN_CONFIG.profile}`, "a profile name");
  if (profile !== undefined) {
    requireCliFile(around, `stack config ${ALIYUN_CONFIG.profile}`, profile);
    return { kind: "cliProfile", name: `stack config ${ALIYUN_CONFIG.profile} (profile "${profile}" of ~/.aliyun/config.json)`, profile };
  }
  const roleName = checked(config(ALIYUN_CONFIG.ecsRoleName), ECS_ROLE_NAME, `stack config ${ALIYUN_CONFIG.ecsRoleName}`, "a RAM role name");
  if (roleName !== undefined) return { kind: "ecsRole", name: `stack config ${ALIYUN_CONFIG.ecsRoleName}`, roleName, hardened: true };
  const uri = uriChecked(config(ALIYUN_CONFIG.credentialsUri), `stack config ${ALIYUN_CONFIG.credentialsUri}`);
  if (uri !== undefined) return { kind: "uri", name: `stack config ${ALIYUN_CONFIG.credentialsUri}`, uri };
  return undefined;
}

/** The base identity from the environment and the home directory, in `@alicloud/credentials`'s order. */
function baseFromEnvironment(env: NodeJS.ProcessEnv, around: Surroundings): AliyunBasePlan | undefined {
  const keys = fromEnvironment(env, ALIYUN_CREDENTIALS.environment);
  if (keys !== undefined) return { kind: "static", name: keys.source ?? "environment", credentials: keys };
  const oidc = oidcFromEnvironment(env, around);
  if (oidc !== undefined) return oidc;
  const profile = checked(env[ALIYUN_ENV.profile], PROFILE_NAME, `environment ${ALIYUN_ENV.profile}`, "a profile name");
  const cliConfig = path.join(around.homeDir, ".aliyun", "config.json");
  if (env["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"]?.toLowerCase() !== "true" && around.fileExists(cliConfig)) {
    return {
      kind: "cliProfile",
      name: profile !== undefined ? `environment ${ALIYUN_ENV.profile} (profile "${profile}" of ~/.aliyun/config.json)` : "the current profile of ~/.aliyun/config.json",
      ...(profile !== undefined ? { profile } : {}),
    };
  }
  const sharedFile = env[ALIYUN_ENV.credentialsFile] ?? path.join(around.homeDir, ".alibabacloud", "credentials");
  if (around.fileExists(sharedFile)) {
    return { kind: "sharedFile", name: `the shared credentials file ${sharedFile}${profile !== undefined ? ` (profile "${profile}")` : ""}`, ...(profile !== undefined ? { profile } : {}) };
  }
  if (profile !== undefined) throw new CredentialConfigError(`environment ${ALIYUN_ENV.profile}`, `names profile "${profile}" but neither ~/.aliyun/config.json nor ${sharedFile} exists`);
  const roleName = checked(env[ALIYUN_ENV.ecsMetadata], ECS_ROLE_NAME, `environment ${ALIYUN_ENV.ecsMetadata}`, "a RAM role name");
  if (roleName !== undefined) {
    return { kind: "ecsRole", name: `environment ${ALIYUN_ENV.ecsMetadata}`, roleName, hardened: env[ALIYUN_ENV.imdsV1Disabled]?.toLowerCase() === "true" };
  }
  const uri = uriChecked(env[ALIYUN_ENV.credentialsUri], `environment ${ALIYUN_ENV.credentialsUri}`);
  if (uri !== undefined) return { kind: "uri", name: `environment ${ALIYUN_ENV.credentialsUri}`, uri };
  return undefined;
}

/**
 * The STS endpoint: `alicloud:stsEndpoint` (this package's key), else the `sts` entry of
 * pulumi-alicloud's `alicloud:endpoints` list; a host with an optional port.
 */
function stsEndpointFromConfig(config: ConfigLookup): string | undefined {
  const shape = "a host name with an optional port (no scheme: STS is always called over https)";
  const own = checked(config(ALIYUN_CONFIG.stsEndpoint), HOST_PORT, `stack config ${ALIYUN_CONFIG.stsEndpoint}`, shape);
  if (own !== undefined) return own;
  const raw = config(ALIYUN_CONFIG.endpoints);
  if (raw === undefined || raw === "") return undefined;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list)) throw new CredentialConfigError(`stack config ${ALIYUN_CONFIG.endpoints}`, "must be a list of objects ({ sts: <host> }, …)");
  const entry: unknown = list.find((e: unknown) => typeof e === "object" && e !== null && typeof (e as Record<string, unknown>)["sts"] === "string");
  const sts = entry !== undefined ? ((entry as Record<string, unknown>)["sts"] as string) : undefined;
  return checked(sts, HOST_PORT, `stack config ${ALIYUN_CONFIG.endpoints} sts`, shape);
}

/** A resource's `profile` input: a profile of `~/.aliyun/config.json`, before any stack source. */
function baseFromResource(identity: ResourceIdentity, around: Surroundings): AliyunBasePlan | undefined {
  if (identity.profile === undefined) return undefined;
  requireCliFile(around, "input profile", identity.profile);
  return { kind: "cliProfile", name: `input profile "${identity.profile}" (of ~/.aliyun/config.json)`, profile: identity.profile };
}

/** A resource's `roleArn` input; the stack's assumeRole lends its duration and policy. */
function assumeRoleFromResource(identity: ResourceIdentity, stack: AssumeRolePlan | undefined): AssumeRolePlan | undefined {
  if (identity.roleArn === undefined) return undefined;
  return {
    name: "input roleArn",
    roleArn: identity.roleArn,
    sessionName: identity.roleSessionName ?? stack?.sessionName ?? DEFAULT_SESSION_NAME,
    ...(stack?.durationSeconds !== undefined ? { durationSeconds: stack.durationSeconds } : {}),
    ...(identity.externalId !== undefined ? { externalId: identity.externalId } : {}),
  };
}

/** Why `roleArn` is not a RAM role ARN, or undefined. */
export function aliyunRoleArnProblem(roleArn: string): string | undefined {
  return ROLE_ARN.test(roleArn) ? undefined : "must be a RAM role ARN: acs:ram::<account id>:role/<role name>";
}

function assumeRoleFromConfig(config: ConfigLookup): AssumeRolePlan | undefined {
  const key = ALIYUN_CONFIG.assumeRole;
  const raw = readObjectConfig(key, config(key));
  if (raw === undefined) return undefined;
  const name = `stack config ${key}`;
  const f = new ObjectFields(name, raw, ["roleArn", "sessionName", "sessionExpiration", "externalId", "policy"]);
  const durationSeconds = f.integer("sessionExpiration", ...DURATION);
  const externalId = f.string("externalId", { pattern: /^[\w.@:/=,+-]{2,1224}$/, shape: "2-1224 letters, digits or . @ : / = , + - _" });
  const policy = f.string("policy");
  return {
    name,
    roleArn: f.string("roleArn", { required: true, pattern: ROLE_ARN, shape: "a RAM role ARN (acs:ram::<account>:role/<name>)" }),
    sessionName: f.string("sessionName", { pattern: SESSION_NAME, shape: "2-64 letters, digits, . @ - _" }) ?? DEFAULT_SESSION_NAME,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
}

/**
 * Alibaba Cloud's credential precedence, the one place it is decided. The first source that is
 * configured wins, and a configured source that later fails is an error naming it, never a
 * fall-through to another identity:
 *
 * 1. stack config `alicloud:accessKey`/`secretKey`/`securityToken`;
 * 2. stack config `alicloud:assumeRoleWithOidc`;
 * 3. stack config `alicloud:profile` (a profile of `~/.aliyun/config.json`);
 * 4. stack config `alicloud:ecsRoleName` (instance metadata, hardened mode);
 * 5. stack config `alicloud:credentialsUri`;
 * 6. the environment, in `@alicloud/credentials`'s order: key pairs (ALIBABA_CLOUD_*, ALICLOUD_*,
 *    OSS_*), OIDC (ALIBABA_CLOUD_ROLE_ARN + _OIDC_PROVIDER_ARN + _OIDC_TOKEN_FILE), the CLI's
 *    `~/.aliyun/config.json` (ALIBABA_CLOUD_PROFILE or its current profile), the shared
 *    credentials file, ALIBABA_CLOUD_ECS_METADATA, ALIBABA_CLOUD_CREDENTIALS_URI.
 *
 * `alicloud:assumeRole` then assumes its role with whichever base identity was found. A resource's
 * own `profile` input replaces the base identity, and its `roleArn` (with `roleSessionName`,
 * `externalId`) replaces `alicloud:assumeRole`. No request
 * and no file read happen here (only whether a file exists), so `check` can call it at preview.
 * Returns undefined when nothing is configured; throws CredentialConfigError when a configured
 * source is malformed.
 */
export function planAliyunCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity = {}): AliyunCredentialPlan | undefined {
  const base = baseFromResource(identity, around) ?? baseFromConfig(config, around) ?? baseFromEnvironment(env, around);
  const stackRole = assumeRoleFromConfig(config);
  const assumeRole = assumeRoleFromResource(identity, stackRole) ?? stackRole;
  const stsEndpoint = stsEndpointFromConfig(config);
  if (base === undefined) {
    if (assumeRole !== undefined) throw new CredentialConfigError(assumeRole.name, "needs credentials to assume the role with; none are configured");
    return undefined;
  }
  return { base, ...(assumeRole !== undefined ? { assumeRole } : {}), ...(stsEndpoint !== undefined ? { stsEndpoint } : {}) };
}
