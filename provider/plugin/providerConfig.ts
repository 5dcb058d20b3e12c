import { readSettings, SETTING_KEYS } from "../client/settings";
import { CLOUDS, cloudModule } from "../clouds";
import type { ProviderSetting } from "../credentials/providerSettings";
import type { ConfigLookup } from "../credentials/staticConventions";
import type { Surroundings } from "../credentials/surroundings";
import { CredentialConfigError } from "../errors/CredentialConfigError";
import { SettingError } from "../errors/SettingError";
import { normalizeEndpoint } from "../http/endpoint";
import { defaultEndpointKey } from "../lifecycle/defaultEndpoints";
import type { Cloud, PropertyProblem } from "../model/types";

/** The provider's own inputs besides the clouds' objects: the request settings, by name. */
export const REQUEST_SETTINGS = Object.keys(SETTING_KEYS) as ReadonlyArray<keyof typeof SETTING_KEYS>;

/** The provider's inputs (and its stack config keys under `bucket-encryption:`): one object per cloud, then the request settings. */
export const PROVIDER_CONFIG_KEYS: readonly string[] = [...CLOUDS, ...REQUEST_SETTINGS];

/** The field of every cloud's object that replaces its public endpoint for the provider's resources. */
export const ENDPOINT_FIELD = "endpoint";

// The engine adds `version` to a default provider's inputs; it is not configuration.
const ENGINE_INPUTS = ["version"];

/** The provider's configuration, checked: a lookup the lifecycle reads, or the refusals. */
export interface ProviderConfiguration {
  readonly lookup: ConfigLookup;
  readonly problems: readonly PropertyProblem[];
}

/**
 * Reads the provider's inputs (an explicit provider's, or a default provider's from stack config
 * `bucket-encryption:<key>`): one object per cloud named after it (`aliyun`, `jdcloud`) holding
 * that cloud's settings and an `endpoint`, plus the request settings. Objects may arrive as JSON
 * text (stack config, and the Node.js and Python SDKs send them so) or as objects (YAML, Go); numbers
 * as text or numbers. The lookup answers the configuration keys the credential chains and the
 * client read (`alicloud:accessKey`, `bucketEncryption:aliyunEndpoint`, …) and describes each as
 * the provider's input. Every problem names the key; no value is quoted.
 *
 * `around` is where profile and token files are looked for: a configured source must be
 * well-formed (a named profile's file exists, an OIDC setting is complete), as `check` demands of
 * the dynamic resource's stack config. No request is made.
 */
export function readProviderConfig(inputs: Readonly<Record<string, unknown>>, around: Surroundings): ProviderConfiguration {
  const problems: PropertyProblem[] = [];
  const values = new Map<string, string>();
  const names = new Map<string, string>();
  const known = [...PROVIDER_CONFIG_KEYS, ...ENGINE_INPUTS];
  for (const key of Object.keys(inputs)) {
    if (!known.includes(key)) problems.push({ property: key, reason: `is not a setting of the bucket-encryption provider; the settings are ${PROVIDER_CONFIG_KEYS.join(", ")}` });
  }
  const wellFormed: Cloud[] = [];
  for (const cloud of CLOUDS) {
    const before = problems.length;
    readCloud(cloud, inputs[cloud], values, names, problems);
    if (problems.length === before) wellFormed.push(cloud);
  }
  for (const setting of REQUEST_SETTINGS) {
    const raw = inputs[setting];
    if (raw === undefined || raw === null || raw === "") continue;
    const text = typeof raw === "number" ? String(raw) : raw;
    if (typeof text !== "string") {
      problems.push({ property: setting, reason: "must be a whole number" });
      continue;
    }
    values.set(SETTING_KEYS[setting][0], text);
    names.set(SETTING_KEYS[setting][0], `provider config ${setting}`);
  }
  const lookup: ConfigLookup = Object.assign((key: string) => values.get(key), { describe: (key: string) => names.get(key) ?? `provider config ${key}` });
  problems.push(...deeperProblems(lookup, around, wellFormed));
  return { lookup, problems };
}

/**
 * The clouds whose object in the provider's inputs holds a secret setting (a key, a token, a
 * credentials URI), however it arrived. The provider records those objects as secrets even when a
 * program passed them in plain text (an explicit provider given a literal key): its recorded
 * inputs go to the state, where keys must never be readable. Object-valued settings (OIDC, role
 * assumption) have no secret field; a unit test keeps it so.
 */
export function cloudsHoldingSecrets(inputs: Readonly<Record<string, unknown>>): Cloud[] {
  return CLOUDS.filter((cloud) => {
    const object = objectOf(inputs[cloud]);
    return typeof object === "object" && cloudModule(cloud).providerSettings.some((s) => s.secret && object[s.name] !== undefined && object[s.name] !== null && object[s.name] !== "");
  });
}

function readCloud(cloud: Cloud, raw: unknown, values: Map<string, string>, names: Map<string, string>, problems: PropertyProblem[]): void {
  const object = objectOf(raw);
  if (object === undefined) return;
  if (object === "invalid") {
    problems.push({ property: cloud, reason: "must be an object of settings (or its JSON text)" });
    return;
  }
  const settings = cloudModule(cloud).providerSettings;
  const allowed = [...settings.map((s) => s.name), ENDPOINT_FIELD];
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) problems.push({ property: cloud, reason: `has unknown field(s) ${unknown.join(", ")}; the fields are ${allowed.join(", ")}` });
  for (const setting of settings) readSetting(cloud, setting, object[setting.name], values, names, problems);
  const endpoint = object[ENDPOINT_FIELD];
  if (endpoint !== undefined && endpoint !== null && endpoint !== "") {
    const key = defaultEndpointKey(cloud);
    if (typeof endpoint !== "string") problems.push({ property: cloud, reason: `${cloud}.${ENDPOINT_FIELD} must be a string` });
    else {
      const result = normalizeEndpoint(endpoint);
      if ("problem" in result) problems.push({ property: cloud, reason: `${cloud}.${ENDPOINT_FIELD} ${result.problem}` });
      values.set(key, endpoint);
      names.set(key, `provider config ${cloud}.${ENDPOINT_FIELD}`);
    }
  }
}

function readSetting(cloud: Cloud, setting: ProviderSetting, raw: unknown, values: Map<string, string>, names: Map<string, string>, problems: PropertyProblem[]): void {
  if (raw === undefined || raw === null || raw === "") return;
  const path = `${cloud}.${setting.name}`;
  names.set(setting.key, `provider config ${path}`);
  if (setting.fields === undefined) {
    if (typeof raw === "string") values.set(setting.key, raw);
    else problems.push({ property: cloud, reason: `${path} must be a string` });
    return;
  }
  const object = objectOf(raw);
  if (object === "invalid" || object === undefined) {
    problems.push({ property: cloud, reason: `${path} must be an object with the fields ${setting.fields.map((f) => f.name).join(", ")}` });
    return;
  }
  // The credential chain checks the fields themselves (names, shapes, required ones) when it plans.
  values.set(setting.key, JSON.stringify(object));
}

// An object, JSON text of an object, nothing (undefined), or not an object at all.
function objectOf(raw: unknown): Record<string, unknown> | "invalid" | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return "invalid";
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : "invalid";
}

// What only the credential chains and the client settings know: each configured source is
// well-formed, each setting in range. The environment is left out: only this configuration is
// judged. A cloud whose object is already refused is not judged again.
function deeperProblems(lookup: ConfigLookup, around: Surroundings, clouds: readonly Cloud[]): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  for (const cloud of clouds) {
    try {
      cloudModule(cloud).credentials(lookup, {}, around, {});
    } catch (error) {
      if (!(error instanceof CredentialConfigError)) throw error;
      problems.push({ property: cloud, reason: error.message });
    }
  }
  try {
    readSettings(lookup, {});
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    problems.push({ property: REQUEST_SETTINGS.find((s) => SETTING_KEYS[s][0] === error.key) ?? error.key, reason: error.message });
  }
  return problems;
}
