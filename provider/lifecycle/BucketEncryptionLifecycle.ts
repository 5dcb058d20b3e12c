import type * as pulumi from "@pulumi/pulumi";
import { EncryptionClient } from "../client/EncryptionClient";
import { UNKNOWN_VALUE } from "../constants";
import { type ConfigLookup, credentialSourceFor, realSurroundings, type Surroundings } from "../credentials";
import { CredentialCache } from "../credentials/CredentialCache";
import { identityOf } from "../credentials/identity";
import { CredentialConfigError } from "../errors/CredentialConfigError";
import { CredentialsError } from "../errors/CredentialsError";
import { StoredLocationError } from "../errors/StoredLocationError";
import type { BucketEncryptionState, BucketLocation, Cloud, ResourceIdentity } from "../model";
import { formatResourceId } from "../resourceId";
import { checkInputs } from "../validation/checkInputs";
import { normalizeProps } from "../validation/normalize";
import { diffStates } from "./diffStates";
import { readSettings } from "./settings";
import { storedLocation } from "./storedLocation";

type Props = Record<string, unknown>;

/** The config the engine hands `configure`: namespaced keys, secrets decrypted. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * The lifecycle of a BucketEncryption resource: check and diff are pure (no request); create,
 * read, update and delete issue exactly one logical request each (retried only on transient
 * failures). Credentials come from `configure` or the environment and never enter outputs.
 *
 * The engine may call methods before `configure` has finished (it caches the provider first), so
 * every method waits for it.
 */
export class BucketEncryptionLifecycle implements pulumi.dynamic.ResourceProvider<Props, Props> {
  private config: ConfigLookup = () => undefined;
  private configured: Promise<void> = Promise.resolve();
  private clientInstance: EncryptionClient | undefined;
  // One cache per cloud for the life of the configuration: every operation of a run shares it,
  // so temporary credentials are fetched once and renewed once, not once per resource.
  private credentialCaches = new Map<string, CredentialCache>();

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly surroundings: () => Surroundings = realSurroundings,
  ) {}

  /** Takes the stack config (`req.config`). Requests made after it use its credentials and settings. */
  configure(req: { readonly config: ConfigSource }): Promise<void> {
    this.configured = Promise.resolve().then(() => {
      this.config = (key) => req.config.get(key);
      this.clientInstance?.close();
      this.clientInstance = undefined;
      this.credentialCaches = new Map();
    });
    return this.configured;
  }

  /**
   * Validates and normalises inputs; every rule of both clouds' documents is enforced here, so a
   * wrong rule fails at preview with the property named, before any request.
   */
  async check(_olds: Props, news: Props): Promise<Required<pulumi.dynamic.CheckResult<Props>>> {
    await this.configured;
    const outcome = checkInputs(news, (v) => v === UNKNOWN_VALUE);
    const failures = [...outcome.failures];
    if (outcome.state !== undefined) {
      // Only that a source is configured and well-formed: no request at preview.
      try {
        credentialSourceFor(outcome.state.cloud, this.config, this.env, this.surroundings(), identityOf(outcome.state));
      } catch (error) {
        if (!(error instanceof CredentialsError) && !(error instanceof CredentialConfigError)) throw error;
        // A resource's own identity input is named as the property; a stack source under cloud.
        const property = error instanceof CredentialConfigError && error.source.startsWith("input ") ? (error.source.split(" ")[1] ?? "cloud") : "cloud";
        failures.push({ property, reason: error.message });
      }
    }
    if (failures.length > 0 || outcome.state === undefined) return { inputs: news, failures };
    return { inputs: { ...outcome.state }, failures };
  }

  /** Compares stored outputs with checked inputs; no request. */
  async diff(_id: string, olds: Props, news: Props): Promise<Required<Pick<pulumi.dynamic.DiffResult, "changes" | "replaces" | "deleteBeforeReplace">>> {
    await this.configured;
    const outcome = diffStates(olds, news);
    return { changes: outcome.changes, replaces: [...outcome.replaces], deleteBeforeReplace: outcome.deleteBeforeReplace };
  }

  /**
   * Sets the rule with one PUT. A bucket that already has a rule is adopted: the PUT replaces it
   * (Pulumi's `import` option does not reach dynamic providers, pulumi/pulumi#3550).
   * If this fails, the resource was not created.
   */
  async create(inputs: Props): Promise<Required<pulumi.dynamic.CreateResult<Props>>> {
    const state = await this.stateOf(inputs);
    await (await this.client()).putRule(state);
    return { id: formatResourceId(state), outs: { ...state } };
  }

  /**
   * Reads the live rule with one GET. No rule, or no bucket, means the resource is gone: the
   * empty result drops it from state. Needs only the location (from the state, else the id), and
   * stores whatever the server holds, even a rule `check` would refuse as input: values read from
   * a server are facts, so the diff shows the drift and `up` repairs it.
   */
  async read(id: string, props: Props = {}): Promise<pulumi.dynamic.ReadResult<Props>> {
    await this.configured;
    const location = locationOrThrow("read", id, props);
    const rule = await (await this.client()).getRule(location);
    if (rule === undefined) return {};
    // The live rule in the same normal form check produces, so a rule that matches the program
    // shows no diff.
    const live = normalizeProps({
      ...location,
      sseAlgorithm: rule.sseAlgorithm,
      kmsMasterKeyId: rule.kmsMasterKeyId,
      kmsDataEncryption: rule.kmsDataEncryption,
    });
    return { id: formatResourceId(location), props: { ...live }, inputs: { ...live } };
  }

  /** Sets the new rule with one PUT and returns the full outputs (a missing `outs` would wipe them). */
  async update(_id: string, _olds: Props, news: Props): Promise<Required<pulumi.dynamic.UpdateResult<Props>>> {
    const state = await this.stateOf(news);
    await (await this.client()).putRule(state);
    return { outs: { ...state } };
  }

  /**
   * Removes the rule with one DELETE; a rule or bucket already gone is success. Needs only the
   * location (from the state, else the id): whatever rule the state records, even one `check`
   * would refuse, the DELETE is sent. The same holds for the delete half of a replacement.
   */
  async delete(id: string, props: Props): Promise<void> {
    await this.configured;
    const location = locationOrThrow("delete", id, props);
    await (await this.client()).deleteRule(location);
  }

  private async stateOf(props: Props): Promise<BucketEncryptionState> {
    await this.configured;
    const outcome = checkInputs(stripEngineKeys(props));
    if (outcome.state === undefined) {
      const reasons = outcome.failures.map((f) => `${f.property} ${f.reason}`).join("; ");
      throw new Error(`BucketEncryption inputs are not valid: ${reasons}`);
    }
    return outcome.state;
  }

  private async client(): Promise<EncryptionClient> {
    await this.configured;
    if (this.clientInstance === undefined) {
      const settings = readSettings(this.config, this.env);
      this.clientInstance = new EncryptionClient({
        credentials: (state) => this.credentialCache(state.cloud, identityOf(state)).get(),
        timeouts: settings.timeouts,
        retry: settings.retry,
      });
    }
    return this.clientInstance;
  }

  /**
   * The credential cache of one identity of `cloud`: resources naming the same identity (or none)
   * share it. Public so tests can ask which source a configuration selects.
   */
  credentialCache(cloud: Cloud, identity: ResourceIdentity = {}): CredentialCache {
    const key = JSON.stringify([cloud, identity.profile, identity.roleArn, identity.roleSessionName, identity.externalId]);
    let cache = this.credentialCaches.get(key);
    if (cache === undefined) {
      cache = new CredentialCache(credentialSourceFor(cloud, this.config, this.env, this.surroundings(), identity));
      this.credentialCaches.set(key, cache);
    }
    return cache;
  }
}

function locationOrThrow(operation: "read" | "delete", id: string, props: Props): BucketLocation {
  const result = storedLocation(id, props);
  if ("problem" in result) throw new StoredLocationError(operation, id, result.problem);
  return result.location;
}

function stripEngineKeys(props: Props): Props {
  const { __provider: _ignored, ...rest } = props;
  return rest;
}

