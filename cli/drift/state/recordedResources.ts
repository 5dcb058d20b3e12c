import { BUCKET_ENCRYPTION_TYPE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } from "../resourceTypes";
import { fingerprint } from "./fingerprint";
import { type PluginProviderConfig, pluginProviderConfig } from "./pluginProviderConfig";
import { revealSecrets } from "./secretValues";

export { PLUGIN_RESOURCE_TYPE } from "../resourceTypes";

/** The resource types a state-based report reads. */
export const RECORDED_TYPES: readonly string[] = [BUCKET_ENCRYPTION_TYPE, PLUGIN_RESOURCE_TYPE];

type Props = Readonly<Record<string, unknown>>;

/** Where a recorded resource's credentials and request settings come from. */
export type SettingsSource =
  /** A dynamic resource: the stack's config, as the dynamic provider reads it. */
  | { readonly kind: "stack-config" }
  /** A plugin resource: its provider's inputs (`ref` is the provider reference, `<urn>::<id>`). */
  | { readonly kind: "provider"; readonly ref: string; readonly config: PluginProviderConfig; readonly fingerprint: string }
  /** Neither can be used: why. */
  | { readonly kind: "problem"; readonly problem: string };

/** One BucketEncryption as the stack's state recorded it. */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly id: string;
  /** The outputs the last deployment recorded, secrets revealed. */
  readonly outputs: Props;
  readonly settings: SettingsSource;
}

/**
 * Every live BucketEncryption of either type in an exported stack (`{ version, deployment }`, as
 * the Automation API's exportStack returns it): resources pending deletion (the old half of a
 * replacement) are left out. Throws when the export is not a deployment at all. Pure.
 */
export function recordedResources(exported: unknown): RecordedResource[] {
  const deployment = isRecord(exported) && isRecord(exported["deployment"]) ? exported["deployment"] : undefined;
  if (deployment === undefined) throw new Error("the stack export holds no deployment");
  const listed = deployment["resources"];
  if (listed === undefined || listed === null) return [];
  if (!Array.isArray(listed)) throw new Error("the stack export's resources are not a list");
  const entries = listed.filter(isRecord);
  const providers = new Map<string, Props>();
  for (const r of entries) {
    if (r["type"] === PLUGIN_PROVIDER_TYPE && typeof r["urn"] === "string" && typeof r["id"] === "string") providers.set(`${r["urn"]}::${r["id"]}`, r);
  }
  const configs = new Map<string, SettingsSource>();
  const found: RecordedResource[] = [];
  for (const r of entries) {
    const type = r["type"];
    if (typeof type !== "string" || !RECORDED_TYPES.includes(type) || r["delete"] === true || typeof r["urn"] !== "string") continue;
    const outputs = revealSecrets(r["outputs"] ?? {});
    found.push({
      urn: r["urn"],
      type,
      id: typeof r["id"] === "string" ? r["id"] : "",
      outputs: isRecord(outputs) ? outputs : {},
      settings: type === BUCKET_ENCRYPTION_TYPE ? { kind: "stack-config" } : providerSettings(r["provider"], providers, configs),
    });
  }
  return found;
}

// One mapping per provider instance, shared by its resources.
function providerSettings(ref: unknown, providers: ReadonlyMap<string, Props>, configs: Map<string, SettingsSource>): SettingsSource {
  if (typeof ref !== "string" || ref === "") return { kind: "problem", problem: "the state names no provider for this resource" };
  const known = configs.get(ref);
  if (known !== undefined) return known;
  const provider = providers.get(ref);
  let settings: SettingsSource;
  if (provider === undefined) {
    settings = { kind: "problem", problem: `its provider is not a ${PLUGIN_PROVIDER_TYPE} resource of this stack` };
  } else {
    const revealed = revealSecrets(provider["inputs"] ?? {});
    const inputs = isRecord(revealed) ? revealed : {};
    const mapped = pluginProviderConfig(inputs);
    settings =
      "problem" in mapped
        ? { kind: "problem", problem: mapped.problem }
        : { kind: "provider", ref, config: mapped, fingerprint: fingerprint(Object.entries(inputs).map(([k, v]) => [k, JSON.stringify(v) ?? ""])) };
  }
  configs.set(ref, settings);
  return settings;
}

function isRecord(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
