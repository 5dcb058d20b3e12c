import os from "node:os";
import { CLOUDS, type Cloud, type ConfigLookup, defaultEndpointKey, inertServerText, readProviderConfig } from "../../../provider/internal";
import { HIDDEN_SECRET } from "./secretValues";

export { PLUGIN_PROVIDER_TYPE } from "../resourceTypes";

/** What an instance of the provider plugin was configured with, as the credential code reads it. */
export interface PluginProviderConfig {
  /** The provider's inputs under the configuration keys the credential and settings code reads. */
  readonly lookup: ConfigLookup;
  /** Each cloud's `endpoint` input: used by the provider's resources that name no endpoint of their own. */
  readonly endpoints: Readonly<Partial<Record<Cloud, string>>>;
}

type Inputs = Readonly<Record<string, unknown>>;

/**
 * A `pulumi:providers:bucket-encryption` resource's inputs (from state, secrets revealed) read the
 * way the plugin itself reads them (`readProviderConfig`: one object per cloud, objects or their
 * JSON text, the request settings), so a report signs exactly as the provider did. A secret the
 * export did not reveal, or a configuration the plugin would refuse, is a problem naming the
 * input, never its value; `version` and other engine inputs are ignored.
 */
export function pluginProviderConfig(inputs: Inputs): PluginProviderConfig | { readonly problem: string } {
  const hidden = hiddenPath(inputs);
  // The path is state's data: bounded and inert before it reaches a message.
  if (hidden !== undefined) return { problem: `the provider's input ${inertServerText(hidden, 120)} holds a secret the state export did not reveal` };
  // Files named by the configuration (profiles, token files) are read, and their failure named,
  // when a bucket is read: here only the configuration's own shape is judged.
  const config = readProviderConfig(inputs, { fileExists: () => true, homeDir: os.homedir() });
  const first = config.problems[0];
  if (first !== undefined) return { problem: `the provider's input ${inertServerText(first.property, 64)}: ${first.reason}` };
  const endpoints: Partial<Record<Cloud, string>> = {};
  for (const cloud of CLOUDS) {
    const endpoint = config.lookup(defaultEndpointKey(cloud));
    if (endpoint !== undefined && endpoint !== "") endpoints[cloud] = endpoint;
  }
  return { lookup: config.lookup, endpoints };
}

// The dotted path of the first value the export left hidden, or undefined.
function hiddenPath(value: unknown, path = "", depth = 0): string | undefined {
  if (value === HIDDEN_SECRET) return path;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = hiddenPath(inner, path === "" ? key : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
