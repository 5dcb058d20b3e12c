import { formatResourceId } from "../../provider/internal";
import type { BucketEncryptionState } from "../../provider/internal";

/**
 * The resource type token: `pulumi-nodejs:dynamic/<module>:<type>` with the module and type
 * `BucketEncryption` passes to `pulumi.dynamic.Resource`.
 */
export const RESOURCE_TYPE = "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption";

/** One resource to import: its Pulumi name and the state its bucket holds now. */
export interface ImportEntry {
  readonly name: string;
  readonly state: BucketEncryptionState;
}

/** One entry of a Pulumi import file, in the shape `pulumi import --file` reads. */
export interface ImportFileResource {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** A Pulumi import file. */
export interface ImportFile {
  readonly resources: readonly ImportFileResource[];
}

/**
 * The import file for `entries`. Each entry carries the live values as both `inputs` and
 * `outputs` and the provider text in both: the engine checks the inputs (a dynamic provider's
 * check needs `__provider`), skips its Read because outputs are given (Read cannot work for a
 * dynamic resource, pulumi/pulumi#3550), and later refreshes and deletes run the provider stored
 * in the outputs. Outputs are what `create` would return for the same inputs, so the first
 * `up` sees no change.
 */
export function buildImportFile(entries: readonly ImportEntry[], providerText: string): ImportFile {
  return {
    resources: entries.map(({ name, state }) => {
      const properties = { ...state, __provider: providerText };
      return { type: RESOURCE_TYPE, name, id: formatResourceId(state), inputs: properties, outputs: { ...properties } };
    }),
  };
}
