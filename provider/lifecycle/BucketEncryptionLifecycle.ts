import type * as pulumi from "@pulumi/pulumi";
import { EncryptionClient } from "../client/EncryptionClient";
import { cloudModule } from "../clouds";
import { UNKNOWN_VALUE } from "../constants";
import { type ConfigLookup, resolveCredentials } from "../credentials";
import { CredentialsError } from "../errors/CredentialsError";
import type { BucketEncryptionState } from "../model";
import { formatResourceId, parseResourceId } from "../resourceId";
import { checkInputs } from "../validation/checkInputs";
import { normalizeEndpoint } from "../validation/endpoint";
import { normalizeProps } from "../validation/normalize";
import { diffStates } from "./diffStates";
import { readSettings } from "./settings";

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

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Takes the stack config (`req.config`). Requests made after it use its credentials and settings. */
  configure(req: { readonly config: ConfigSource }): Promise<void> {
    this.configured = Promise.resolve().then(() => {
      this.config = (key) => req.config.get(key);
      this.clientInstance?.close();
      this.clientInstance = undefined;
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
      try {
        resolveCredentials(outcome.state.cloud, this.config, this.env);
      } catch (error) {
        if (!(error instanceof CredentialsError)) throw error;
        failures.push({ property: "cloud", reason: error.message });
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
   * empty result drops it from state. Works from the id alone (cloud, region and bucket).
   */
  async read(id: string, props: Props = {}): Promise<pulumi.dynamic.ReadResult<Props>> {
    await this.configured;
    const stored = checkInputs(stripEngineKeys(props)).state;
    const base = stored ?? addressFromId(id, props);
    if (base === undefined) {
      throw new Error(`cannot read BucketEncryption ${JSON.stringify(id)}: the id is not <cloud>:<region>:<bucket> and the state holds no valid address`);
    }
    const rule = await (await this.client()).getRule(base);
    if (rule === undefined) return {};
    // The live rule in the same normal form check produces, so a rule that matches the program
    // shows no diff.
    const live = normalizeProps({
      cloud: base.cloud,
      region: base.region,
      bucket: base.bucket,
      sseAlgorithm: rule.sseAlgorithm,
      kmsMasterKeyId: rule.kmsMasterKeyId,
      kmsDataEncryption: rule.kmsDataEncryption,
      endpoint: base.endpoint,
      signatureVersion: base.signatureVersion,
    });
    return { id: formatResourceId(base), props: { ...live }, inputs: { ...live } };
  }

  /** Sets the new rule with one PUT and returns the full outputs (a missing `outs` would wipe them). */
  async update(_id: string, _olds: Props, news: Props): Promise<Required<pulumi.dynamic.UpdateResult<Props>>> {
    const state = await this.stateOf(news);
    await (await this.client()).putRule(state);
    return { outs: { ...state } };
  }

  /** Removes the rule with one DELETE; a rule or bucket already gone is success. */
  async delete(_id: string, props: Props): Promise<void> {
    const state = await this.stateOf(props);
    await (await this.client()).deleteRule(state);
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
        credentials: (cloud) => resolveCredentials(cloud, this.config, this.env),
        timeouts: settings.timeouts,
        retry: settings.retry,
      });
    }
    return this.clientInstance;
  }
}

// A read from the id alone (an import-like refresh) still honours an endpoint kept in props. The
// algorithm is a placeholder: only the address is used to send the GET.
function addressFromId(id: string, props: Props): BucketEncryptionState | undefined {
  const address = parseResourceId(id);
  if (address === undefined) return undefined;
  const endpoint = typeof props["endpoint"] === "string" ? normalizeEndpoint(props["endpoint"]) : undefined;
  const signatureVersion = cloudModule(address.cloud).signatureVersions.find((v) => v === props["signatureVersion"]);
  return {
    ...address,
    sseAlgorithm: "KMS",
    ...(endpoint !== undefined && "endpoint" in endpoint ? { endpoint: endpoint.endpoint } : {}),
    ...(signatureVersion !== undefined ? { signatureVersion } : {}),
  };
}

function stripEngineKeys(props: Props): Props {
  const { __provider: _ignored, ...rest } = props;
  return rest;
}
