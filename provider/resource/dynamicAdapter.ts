import type * as pulumi from "@pulumi/pulumi";
import type { BucketEncryptionLifecycle, Props } from "../lifecycle/BucketEncryptionLifecycle";

/**
 * The lifecycle in the shapes Pulumi's dynamic provider expects. The lifecycle knows no Pulumi
 * type; this is the one place that does, for the dynamic resource (the provider plugin has its
 * own adapter, for the gRPC service). Only the fields the engine reads are returned.
 */
export class DynamicProviderAdapter implements pulumi.dynamic.ResourceProvider<Props, Props> {
  constructor(private readonly lifecycle: BucketEncryptionLifecycle) {}

  /** The stack config (`req.config`): namespaced keys, secrets decrypted. */
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return this.lifecycle.configure({ config: { get: (key) => req.config.get(key) } });
  }

  /** Validation at preview; failures name the property. */
  async check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult<Props>> {
    const result = await this.lifecycle.check(olds, news);
    return { inputs: result.inputs, failures: [...result.failures] };
  }

  /** The diff, as changes, replacements and delete-before-replace (dynamic providers send no detailed diff). */
  async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const outcome = await this.lifecycle.diff(id, olds, news);
    return { changes: outcome.changes, replaces: [...outcome.replaces], deleteBeforeReplace: outcome.deleteBeforeReplace };
  }

  /** One PUT; the id and full outputs. */
  create(inputs: Props): Promise<pulumi.dynamic.CreateResult<Props>> {
    return this.lifecycle.create(inputs);
  }

  /** One GET; `{}` when the rule or bucket is gone. */
  read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult<Props>> {
    return this.lifecycle.read(id, props);
  }

  /** One PUT; the full outputs. */
  update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult<Props>> {
    return this.lifecycle.update(id, olds, news);
  }

  /** One DELETE; a rule already gone is success. */
  delete(id: string, props: Props): Promise<void> {
    return this.lifecycle.delete(id, props);
  }
}
