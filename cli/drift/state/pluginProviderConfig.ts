import type { ConfigLookup } from "../../../provider/credentials";
import { inertServerText } from "../../../provider/errors/serverText";
import type { Cloud } from "../../../provider/model";
import { HIDDEN_SECRET } from "./secretValues";

export { PLUGIN_PROVIDER_TYPE } from "../resourceTypes";

/** What an instance of the provider plugin was configured with, as the credential code reads it. */
export interface PluginProviderConfig {
  /** The provider's inputs under the stack-config keys the credential and settings code reads. */
  readonly lookup: ConfigLookup;
  /** Each cloud's `endpoint` input: used by the provider's resources that name no endpoint of their own. */
  readonly endpoints: Readonly<Partial<Record<Cloud, string>>>;
}

/** The provider input that holds each cloud's settings, and the stack-config namespace they stand for. */
const CLOUD_SECTIONS: ReadonlyArray<{ readonly cloud: Cloud; readonly input: string; readonly namespace: string }> = [
  { cloud: "aliyun", input: "aliyun", namespace: "alicloud" },
  { cloud: "jdcloud", input: "jdcloud", namespace: "jdcloud" },
];
/** Request settings: provider input `<name>` stands for stack config `bucketEncryption:<name>`. */
const SETTING_INPUTS = ["requestTimeoutMs", "connectTimeoutMs", "maxAttempts", "maxElapsedMs"] as const;
const SETTINGS_NAMESPACE = "bucketEncryption";

type Inputs = Readonly<Record<string, unknown>>;

/**
 * Maps a `pulumi:providers:bucket-encryption` resource's inputs (from state, secrets revealed) to
 * the lookups the credential code reads: `aliyun.<k>` is `alicloud:<k>`, `jdcloud.<k>` is
 * `jdcloud:<k>`, `<setting>` is `bucketEncryption:<setting>`; an object value is its JSON text, a
 * number its decimal text. A cloud section may itself be JSON text (the engine stores some provider
 * config that way). Anything it cannot map is a problem naming the input, never its value; unknown
 * inputs (`version`, …) are ignored. Pure.
 */
export function pluginProviderConfig(inputs: Inputs): PluginProviderConfig | { readonly problem: string } {
  const values = new Map<string, string>();
  const endpoints: Partial<Record<Cloud, string>> = {};
  for (const { cloud, input, namespace } of CLOUD_SECTIONS) {
    const section = sectionOf(inputs, input);
    if (section === undefined) continue;
    if ("problem" in section) return section;
    for (const [field, value] of Object.entries(section.fields)) {
      const text = configText(value);
      // The field name is state's data: bounded and inert before it reaches a message.
      if (text === HIDDEN_SECRET) return { problem: `the provider's input ${input}.${inertServerText(field, 64)} is a secret the state export did not reveal` };
      if (text === undefined) continue;
      values.set(`${namespace}:${field}`, text);
      if (field === "endpoint" && text !== "") endpoints[cloud] = text;
    }
  }
  for (const setting of SETTING_INPUTS) {
    const text = Object.hasOwn(inputs, setting) ? configText(inputs[setting]) : undefined;
    if (text === HIDDEN_SECRET) return { problem: `the provider's input ${setting} is a secret the state export did not reveal` };
    if (text !== undefined) values.set(`${SETTINGS_NAMESPACE}:${setting}`, text);
  }
  return { lookup: (key) => values.get(key), endpoints };
}

function sectionOf(inputs: Inputs, name: string): { readonly fields: Inputs } | { readonly problem: string } | undefined {
  if (!Object.hasOwn(inputs, name)) return undefined;
  let value = inputs[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (value === HIDDEN_SECRET) return { problem: `the provider's input ${name} is a secret the state export did not reveal` };
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { problem: `the provider's input ${name} is neither an object nor the JSON text of one` };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: `the provider's input ${name} is not an object` };
  return { fields: value as Inputs };
}

// Stack config is text: what the engine would hand the provider for each kind of value.
function configText(value: unknown): string | typeof HIDDEN_SECRET | undefined {
  if (value === HIDDEN_SECRET) return HIDDEN_SECRET;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return holdsHidden(value) ? HIDDEN_SECRET : JSON.stringify(value);
}

function holdsHidden(value: unknown, depth = 0): boolean {
  if (value === HIDDEN_SECRET) return true;
  if (depth > 32 || value === null || typeof value !== "object") return false;
  return Object.values(value).some((v) => holdsHidden(v, depth + 1));
}
