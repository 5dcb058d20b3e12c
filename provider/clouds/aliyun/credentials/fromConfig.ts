import { type ConfigLookup, configKeyName, fromConfig } from "../../../credentials/staticConventions";
import { ObjectFields, readObjectConfig } from "../../../credentials/structuredConfig";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import { RAM_NAMES } from "../names";
import { checkedName, checkedUri, cliConfigFile, requireCliFile } from "./checks";
import { ALIYUN_CONFIG, DEFAULT_SESSION_NAME, SESSION_DURATION_SECONDS } from "./conventions";
import { OIDC_FIELDS, readOidc } from "./oidc";
import type { AliyunBasePlan, AssumeRolePlan } from "./plan";

// An object-valued key, with its fields checked against `allowed`; undefined when unset.
function objectFields(config: ConfigLookup, key: string, allowed: readonly string[]): { readonly name: string; readonly fields: ObjectFields } | undefined {
  const name = configKeyName(config, key);
  const raw = readObjectConfig(name, config(key));
  return raw !== undefined ? { name, fields: new ObjectFields(name, raw, allowed) } : undefined;
}

/** The base identity from stack config (or an explicit provider's inputs), first match wins. */
export function baseFromConfig(config: ConfigLookup, around: Surroundings): AliyunBasePlan | undefined {
  const keys = fromConfig(config, ALIYUN_CONFIG.keys);
  if (keys !== undefined) return { kind: "static", name: keys.source ?? configKeyName(config, ALIYUN_CONFIG.keys.id), credentials: keys };
  const oidc = objectFields(config, ALIYUN_CONFIG.assumeRoleWithOidc, OIDC_FIELDS);
  if (oidc !== undefined) return readOidc(oidc.name, oidc.fields, around);
  const profileKey = configKeyName(config, ALIYUN_CONFIG.profile);
  const profile = checkedName("profile", config(ALIYUN_CONFIG.profile), profileKey);
  if (profile !== undefined) {
    requireCliFile(around, profileKey, profile);
    return { kind: "cliProfile", name: `${profileKey} (profile "${profile}" of ~/.aliyun/config.json)`, configFile: cliConfigFile(around), profile };
  }
  const roleKey = configKeyName(config, ALIYUN_CONFIG.ecsRoleName);
  const roleName = checkedName("ecsRoleName", config(ALIYUN_CONFIG.ecsRoleName), roleKey);
  if (roleName !== undefined) return { kind: "ecsRole", name: roleKey, roleName, hardened: true };
  const uriKey = configKeyName(config, ALIYUN_CONFIG.credentialsUri);
  const uri = checkedUri(config(ALIYUN_CONFIG.credentialsUri), uriKey);
  if (uri !== undefined) return { kind: "uri", name: uriKey, uri };
  return undefined;
}

/** `alicloud:assumeRole`: pulumi-alicloud's fields. */
export function assumeRoleFromConfig(config: ConfigLookup): AssumeRolePlan | undefined {
  const setting = objectFields(config, ALIYUN_CONFIG.assumeRole, ["roleArn", "sessionName", "sessionExpiration", "externalId", "policy"]);
  if (setting === undefined) return undefined;
  const f = setting.fields;
  const durationSeconds = f.integer("sessionExpiration", ...SESSION_DURATION_SECONDS);
  const externalId = f.string("externalId", RAM_NAMES.externalId);
  const policy = f.string("policy");
  return {
    name: setting.name,
    roleArn: f.string("roleArn", { required: true, ...RAM_NAMES.roleArn }),
    sessionName: f.string("sessionName", RAM_NAMES.sessionName) ?? DEFAULT_SESSION_NAME,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
}

// A host with an optional port: STS is always called over https, so no scheme.
const HOST_PORT = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;
const HOST_PORT_SHAPE = "a host name with an optional port (no scheme: STS is always called over https)";

function checkedHost(value: string | undefined, source: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!HOST_PORT.test(value)) throw new CredentialConfigError(source, `must be ${HOST_PORT_SHAPE}`);
  return value;
}

/**
 * The STS endpoint: `alicloud:stsEndpoint` (this package's key), else the `sts` entry of
 * pulumi-alicloud's `alicloud:endpoints` list; a host with an optional port.
 */
export function stsEndpointFromConfig(config: ConfigLookup): string | undefined {
  const own = checkedHost(config(ALIYUN_CONFIG.stsEndpoint), configKeyName(config, ALIYUN_CONFIG.stsEndpoint));
  if (own !== undefined) return own;
  const raw = config(ALIYUN_CONFIG.endpoints);
  if (raw === undefined || raw === "") return undefined;
  const name = configKeyName(config, ALIYUN_CONFIG.endpoints);
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list)) throw new CredentialConfigError(name, "must be a list of objects ({ sts: <host> }, …)");
  const entry: unknown = list.find((e: unknown) => typeof e === "object" && e !== null && typeof (e as Record<string, unknown>)["sts"] === "string");
  const sts = entry !== undefined ? ((entry as Record<string, unknown>)["sts"] as string) : undefined;
  return checkedHost(sts, `${name} sts`);
}
