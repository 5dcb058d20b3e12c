import { realSurroundings, type Surroundings } from "../credentials/surroundings";
import { BucketEncryptionLifecycle, type Props } from "../lifecycle/BucketEncryptionLifecycle";
import type { PropertyChange } from "../lifecycle/diffStates";
import { UNKNOWN_VALUE } from "../model/constants";
import type { PropertyProblem } from "../model/types";
import { cloudsHoldingSecrets, readProviderConfig } from "./providerConfig";
import type { DecodedProperties } from "./wireValues";

/** A difference of the provider's own configuration: which keys changed; never a replacement. */
export interface ConfigDiff {
  readonly changed: readonly string[];
}

/** What an operation gives back: values, and the keys whose values must stay secret. */
export interface Outputs {
  readonly values: Props;
  readonly secretKeys: ReadonlySet<string>;
}

/** A diff as the engine wants it: each changed property with its kind. */
export interface ResourceDiff {
  readonly details: readonly PropertyChange[];
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/** Options of create, update and delete: whether this is a preview, and the resource's custom timeout. */
export interface OperationOptions {
  readonly preview?: boolean;
  /** Seconds (Pulumi's customTimeouts); 0 means none. */
  readonly timeoutSeconds?: number;
}

/**
 * The provider plugin's behaviour in plain values, between the gRPC adapter (which knows the wire
 * types) and the lifecycle (which knows neither): the provider's configuration, previews (no
 * request; unknown values kept), secrets (an input that was secret stays secret in the outputs),
 * and the detailed diff. One per plugin process: the engine starts one process per provider.
 */
export class PluginProvider {
  private readonly lifecycle: BucketEncryptionLifecycle;

  constructor(
    env: NodeJS.ProcessEnv = process.env,
    private readonly surroundings: () => Surroundings = realSurroundings,
  ) {
    this.lifecycle = new BucketEncryptionLifecycle(env, surroundings);
  }

  /**
   * Checks the provider's inputs; problems name the key. The inputs are returned as given, secret
   * where they came secret and wherever a cloud's object holds a secret setting (a key passed in
   * plain text stays out of the state all the same).
   */
  checkConfig(news: DecodedProperties): { readonly inputs: Props; readonly secretKeys: ReadonlySet<string>; readonly failures: readonly PropertyProblem[] } {
    const secretKeys = new Set([...news.secretKeys, ...cloudsHoldingSecrets(news.values)]);
    if (containsUnknown(news.values)) return { inputs: news.values, secretKeys, failures: [] };
    return { inputs: news.values, secretKeys, failures: readProviderConfig(news.values, this.surroundings()).problems };
  }

  /**
   * What a change of the provider's configuration changes: the keys that differ. A provider is
   * never replaced (rotating its keys must not replace or delete a rule), and its resources do
   * not change with it.
   */
  diffConfig(olds: DecodedProperties, news: DecodedProperties): ConfigDiff {
    const keys = new Set([...Object.keys(olds.values), ...Object.keys(news.values)]);
    keys.delete("version");
    return { changed: [...keys].filter((k) => canonical(olds.values[k]) !== canonical(news.values[k])).sort() };
  }

  /** Takes the provider's configuration; requests after it sign and send as it says. */
  async configure(inputs: DecodedProperties): Promise<void> {
    const config = readProviderConfig(inputs.values, this.surroundings());
    if (config.problems.length > 0) {
      throw new Error(`the bucket-encryption provider's configuration is not valid: ${config.problems.map((p) => `${p.property}: ${p.reason}`).join("; ")}`);
    }
    await this.lifecycle.configure({ config: { get: (key) => config.lookup(key), describe: (key) => config.lookup.describe?.(key) ?? key } });
  }

  /** Validates and normalises a resource's inputs; secret inputs stay secret. */
  async check(olds: DecodedProperties, news: DecodedProperties): Promise<{ readonly inputs: Outputs; readonly failures: readonly PropertyProblem[] }> {
    const result = await this.lifecycle.check(olds.values, news.values);
    return { inputs: { values: result.inputs, secretKeys: news.secretKeys }, failures: result.failures };
  }

  /** Compares the stored outputs with the checked inputs, property by property. */
  async diff(id: string, olds: DecodedProperties, news: DecodedProperties): Promise<ResourceDiff> {
    const outcome = await this.lifecycle.diff(id, olds.values, news.values);
    return { details: outcome.details, replaces: outcome.replaces, deleteBeforeReplace: outcome.deleteBeforeReplace };
  }

  /** Sets the rule (none in a preview: the inputs are the outputs to be). */
  async create(inputs: DecodedProperties, options: OperationOptions = {}): Promise<{ readonly id: string; readonly outputs: Outputs }> {
    if (options.preview === true) return { id: "", outputs: { values: inputs.values, secretKeys: inputs.secretKeys } };
    const result = await this.lifecycle.create(inputs.values, timeoutOf(options));
    return { id: result.id, outputs: { values: result.outs, secretKeys: inputs.secretKeys } };
  }

  /**
   * Reads the live rule. With properties (a refresh) or with the id alone (an import); the inputs
   * returned let an import write the declaration and a refresh record drift. Undefined when the
   * rule or the bucket is gone.
   */
  async read(id: string, properties: DecodedProperties, inputs: DecodedProperties): Promise<{ readonly id: string; readonly outputs: Outputs; readonly inputs: Outputs } | undefined> {
    const result = await this.lifecycle.read(id, properties.values);
    if (result.id === undefined || result.props === undefined) return undefined;
    const secretKeys = new Set([...properties.secretKeys, ...inputs.secretKeys]);
    return { id: result.id, outputs: { values: result.props, secretKeys }, inputs: { values: result.inputs ?? result.props, secretKeys } };
  }

  /** Sets the new rule (none in a preview). */
  async update(id: string, olds: DecodedProperties, news: DecodedProperties, options: OperationOptions = {}): Promise<Outputs> {
    if (options.preview === true) return { values: news.values, secretKeys: news.secretKeys };
    const result = await this.lifecycle.update(id, olds.values, news.values, timeoutOf(options));
    return { values: result.outs, secretKeys: news.secretKeys };
  }

  /** Removes the rule; a rule or bucket already gone is success. */
  delete(id: string, properties: DecodedProperties, options: OperationOptions = {}): Promise<void> {
    return this.lifecycle.delete(id, properties.values, timeoutOf(options));
  }

  /** Ends requests in flight and refuses new ones (the engine's Cancel). */
  cancel(): void {
    this.lifecycle.cancel();
  }

  /** Closes connections so the process can exit. */
  close(): void {
    this.lifecycle.close();
  }
}

function timeoutOf(options: OperationOptions): { readonly timeoutMs?: number } {
  return options.timeoutSeconds !== undefined && options.timeoutSeconds > 0 ? { timeoutMs: options.timeoutSeconds * 1000 } : {};
}

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

// One form for a value that may come as an object or as its JSON text (stack config, some SDKs).
function canonical(value: unknown): string {
  let parsed: unknown = value;
  if (typeof value === "string" && /^\s*[{[]/.test(value)) {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = value;
    }
  }
  return JSON.stringify(sorted(parsed)) ?? "undefined";
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}
