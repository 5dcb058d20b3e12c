import { type BucketEncryptionState, DYNAMIC_RESOURCE_TYPE, formatResourceId, PLUGIN_RESOURCE_TYPE } from "../../provider/internal";

/** The dynamic resource's type token (`pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption`). */
export const RESOURCE_TYPE = DYNAMIC_RESOURCE_TYPE;

/**
 * Which resource the import file brings the rules in as: the dynamic resource (the provider's
 * text in every entry, since its Read cannot work alone) or the provider plugin's (an id is
 * enough: the engine reads the rule through the plugin).
 */
export type ImportAs = { readonly kind: "dynamic"; readonly providerText: string } | { readonly kind: "plugin" };

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
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** A Pulumi import file. */
export interface ImportFile {
  readonly resources: readonly ImportFileResource[];
}

/**
 * The import file for `entries`. For the dynamic resource, each entry carries the live values as
 * both `inputs` and `outputs` and the provider text in both: the engine checks the inputs (a
 * dynamic provider's check needs `__provider`), skips its Read because outputs are given (Read
 * cannot work for a dynamic resource, pulumi/pulumi#3550), and later refreshes and deletes run
 * the provider stored in the outputs. Outputs are what `create` would return for the same inputs,
 * so the first `up` sees no change. For the plugin, an entry is its type, name and id: the engine
 * asks the plugin to read the rule by id, as `pulumi import <type> <name> <id>` does.
 */
export function buildImportFile(entries: readonly ImportEntry[], as: ImportAs): ImportFile {
  return {
    resources: entries.map(({ name, state }) => {
      if (as.kind === "plugin") return { type: PLUGIN_RESOURCE_TYPE, name, id: formatResourceId(state) };
      const properties = { ...state, __provider: as.providerText };
      return { type: RESOURCE_TYPE, name, id: formatResourceId(state), inputs: properties, outputs: { ...properties } };
    }),
  };
}
