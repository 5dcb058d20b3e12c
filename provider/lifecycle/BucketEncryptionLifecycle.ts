import { createClient, type ConfiguredClient } from "../client/createClient";
import type { CredentialCache } from "../credentials/CredentialCache";
import { credentialSourceFor } from "../clouds/credentialSourceFor";
import { identityOf } from "../credentials/identity";
import type { ConfigLookup } from "../credentials/staticConventions";
import { realSurroundings, type Surroundings } from "../credentials/surroundings";
import { CredentialConfigError } from "../errors/CredentialConfigError";
import { CredentialsError } from "../errors/CredentialsError";
import { StoredLocationError } from "../errors/StoredLocationError";
import { UNKNOWN_VALUE } from "../model/constants";
import { ENGINE_KEYS } from "../model/properties";
import { formatResourceId } from "../model/resourceId";
import type { BucketEncryptionState, BucketLocation, Cloud, PropertyProblem, ResourceIdentity } from "../model/types";
import { checkInputs } from "../validation/checkInputs";
import { normalizeProps } from "../validation/normalize";
import { CancelledError } from "./CancelledError";
import { DefaultEndpointError, defaultEndpointOf } from "./defaultEndpoints";
import { type DiffOutcome, diffStates } from "./diffStates";
import { storedLocation } from "./storedLocation";

/** Properties as the engine passes them: inputs or outputs, any values. */
export type Props = Record<string, unknown>;

/** The configuration `configure` takes: namespaced keys (`alicloud:accessKey`), secrets in clear. */
export interface ConfigSource {
  get(key: string): string | undefined;
  /** Where a key's value comes from, for messages (default: `stack config <key>`). */
  describe?(key: string): string;
}

/** `check`'s answer: the normalised inputs, or the refusals. */
export interface CheckResult {
  readonly inputs: Props;
  readonly failures: readonly PropertyProblem[];
}

/** Per-operation options: a deadline for the whole operation (Pulumi's customTimeouts), beyond the client's own. */
export interface OperationLimits {
  readonly timeoutMs?: number;
}

/** `read`'s answer: the resource as the server holds it, or `{}` when it is gone. */
export interface ReadResult {
  readonly id?: string;
  readonly props?: Props;
  readonly inputs?: Props;
}

/**
 * The lifecycle of a BucketEncryption resource, shared by the dynamic resource and the provider
 * plugin, and knowing neither's wire types: check and diff are pure (no request); create, read,
 * update and delete issue exactly one logical request each (retried only on transient failures).
 * Credentials come from `configure` or the environment and never enter outputs.
 *
 * The engine may call methods before `configure` has finished (the dynamic provider caches the
 * provider first), so every method waits for it. `cancel` ends in-flight requests.
 */
export class BucketEncryptionLifecycle {
  private config: ConfigLookup = () => undefined;
  private configured: Promise<void> = Promise.resolve();
  private configuredClient: ConfiguredClient | undefined;
  private cancellation = new AbortController();

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly surroundings: () => Surroundings = realSurroundings,
  ) {}

  /** Takes the configuration (stack config, or an explicit provider's). Requests made after it use its credentials and settings. */
  configure(req: { readonly config: ConfigSource }): Promise<void> {
    this.configured = Promise.resolve().then(() => {
      const source = req.config;
      this.config = Object.assign((key: string) => source.get(key), source.describe !== undefined ? { describe: (key: string) => source.describe?.(key) ?? key } : {});
      this.configuredClient?.client.close();
      this.configuredClient = undefined;
    });
    return this.configured;
  }

  /**
   * Validates and normalises inputs; every rule of both clouds' documents is enforced here, so a
   * wrong rule fails at preview with the property named, before any request. That a credential
   * source is configured and well-formed is checked too, without a request.
   */
  async check(_olds: Props, news: Props): Promise<CheckResult> {
    await this.configured;
    const outcome = checkInputs(news, (v) => v === UNKNOWN_VALUE);
    const failures = [...outcome.failures];
    if (outcome.state !== undefined) {
      try {
        credentialSourceFor(outcome.state.cloud, this.config, this.env, this.surroundings(), identityOf(outcome.state));
      } catch (error) {
        if (!(error instanceof CredentialsError) && !(error instanceof CredentialConfigError)) throw error;
        // A resource's own identity input is named as the property; a configured source under cloud.
        const property = error instanceof CredentialConfigError && error.source.startsWith("input ") ? (error.source.split(" ")[1] ?? "cloud") : "cloud";
        failures.push({ property, reason: error.message });
      }
      if (outcome.state.endpoint === undefined) {
        try {
          defaultEndpointOf(outcome.state.cloud, this.config);
        } catch (error) {
          if (!(error instanceof DefaultEndpointError)) throw error;
          failures.push({ property: "endpoint", reason: `is not set, and ${error.message}` });
        }
      }
    }
    if (failures.length > 0 || outcome.state === undefined) return { inputs: news, failures };
    return { inputs: { ...outcome.state }, failures };
  }

  /** Compares stored outputs with checked inputs, property by property; no request. */
  async diff(_id: string, olds: Props, news: Props): Promise<DiffOutcome> {
    await this.configured;
    return diffStates(olds, news);
  }

  /**
   * Sets the rule with one PUT. A bucket that already has a rule is adopted: the PUT replaces it
   * (Pulumi's `import` option does not reach dynamic providers, pulumi/pulumi#3550).
   * If this fails, the resource was not created.
   */
  async create(inputs: Props, limits: OperationLimits = {}): Promise<{ readonly id: string; readonly outs: Props }> {
    const state = await this.stateOf(inputs);
    await this.client().putRule(this.reachable(state), this.signal(limits));
    return { id: formatResourceId(state), outs: { ...state } };
  }

  /**
   * Reads the live rule with one GET. No rule, or no bucket, means the resource is gone: the
   * empty result drops it from state. Needs only the location (from the state, else the id, so
   * an import by id alone works), and stores whatever the server holds, even a rule `check` would
   * refuse as input: values read from a server are facts, so the diff shows the drift and `up`
   * repairs it.
   */
  async read(id: string, props: Props = {}): Promise<ReadResult> {
    await this.configured;
    const location = locationOrThrow("read", id, props);
    const rule = await this.client().getRule(this.reachable(location), this.signal());
    if (rule === undefined) return {};
    // The live rule in the same normal form check produces, so a rule that matches the program
    // shows no diff.
    const live = normalizeProps({ ...location, sseAlgorithm: rule.sseAlgorithm, kmsMasterKeyId: rule.kmsMasterKeyId, kmsDataEncryption: rule.kmsDataEncryption });
    return { id: formatResourceId(location), props: { ...live }, inputs: { ...live } };
  }

  /** Sets the new rule with one PUT and returns the full outputs (a missing `outs` would wipe them). */
  async update(_id: string, _olds: Props, news: Props, limits: OperationLimits = {}): Promise<{ readonly outs: Props }> {
    const state = await this.stateOf(news);
    await this.client().putRule(this.reachable(state), this.signal(limits));
    return { outs: { ...state } };
  }

  /**
   * Removes the rule with one DELETE; a rule or bucket already gone is success. Needs only the
   * location (from the state, else the id): whatever rule the state records, even one `check`
   * would refuse, the DELETE is sent. The same holds for the delete half of a replacement.
   */
  async delete(id: string, props: Props, limits: OperationLimits = {}): Promise<void> {
    await this.configured;
    const location = locationOrThrow("delete", id, props);
    await this.client().deleteRule(this.reachable(location), this.signal(limits));
  }

  /**
   * Ends every request in flight (each fails with its operation named) and refuses new ones, so
   * an engine's cancellation ends promptly. A new `configure` does not undo it.
   */
  cancel(): void {
    this.cancellation.abort(new CancelledError());
  }

  /** Closes the client's connections, so the process can exit promptly. */
  close(): void {
    this.configuredClient?.client.close();
    this.configuredClient = undefined;
  }

  /**
   * The credential cache of one identity of `cloud`: resources naming the same identity (or none)
   * share it. Public so tests can ask which source a configuration selects.
   */
  credentialCache(cloud: Cloud, identity: ResourceIdentity = {}): CredentialCache {
    return this.configuredOnce().credentials.cacheFor(cloud, identity);
  }

  private async stateOf(props: Props): Promise<BucketEncryptionState> {
    await this.configured;
    const outcome = checkInputs(withoutEngineKeys(props));
    if (outcome.state === undefined) {
      const reasons = outcome.failures.map((f) => `${f.property} ${f.reason}`).join("; ");
      throw new Error(`BucketEncryption inputs are not valid: ${reasons}`);
    }
    return outcome.state;
  }

  // A resource without its own endpoint is reached through the configuration's endpoint for its
  // cloud, if one is set; state keeps the resource's own inputs only, so a provider's endpoint
  // can change without any resource changing.
  private reachable<T extends BucketLocation>(location: T): T {
    if (location.endpoint !== undefined) return location;
    const endpoint = defaultEndpointOf(location.cloud, this.config);
    return endpoint !== undefined ? { ...location, endpoint } : location;
  }

  // The engine's cancellation, and the operation's own deadline when it has one.
  private signal(limits: OperationLimits = {}): AbortSignal {
    this.cancellation.signal.throwIfAborted();
    if (limits.timeoutMs === undefined) return this.cancellation.signal;
    const deadline = new AbortController();
    const seconds = limits.timeoutMs / 1000;
    setTimeout(() => deadline.abort(new Error(`the resource's custom timeout of ${seconds} s ran out (customTimeouts)`)), limits.timeoutMs).unref();
    return AbortSignal.any([this.cancellation.signal, deadline.signal]);
  }

  private client() {
    return this.configuredOnce().client;
  }

  private configuredOnce(): ConfiguredClient {
    this.configuredClient ??= createClient({ config: this.config, env: this.env, surroundings: this.surroundings });
    return this.configuredClient;
  }
}

function locationOrThrow(operation: "read" | "delete", id: string, props: Props): BucketLocation {
  const result = storedLocation(id, props);
  if ("problem" in result) throw new StoredLocationError(operation, id, result.problem);
  return result.location;
}

function withoutEngineKeys(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !ENGINE_KEYS.includes(key)));
}
