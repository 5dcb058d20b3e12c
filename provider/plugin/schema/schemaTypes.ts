/** The parts of Pulumi's package schema this package writes (pulumi/pkg/codegen/schema). */

/** A property's type: a primitive, a reference to a type, or an enum reference. */
export interface PropertySpec {
  readonly type?: "string" | "integer" | "number" | "boolean" | "object";
  readonly $ref?: string;
  readonly description: string;
  readonly secret?: boolean;
  readonly willReplaceOnChanges?: boolean;
}

/** An object type or an enum type under `types`. */
export interface TypeSpec {
  readonly type: "object" | "string";
  readonly description: string;
  readonly properties?: Readonly<Record<string, PropertySpec>>;
  readonly enum?: ReadonlyArray<{ readonly value: string; readonly name?: string; readonly description?: string }>;
}

/** A resource, or the provider. */
export interface ResourceSpec {
  readonly description: string;
  readonly inputProperties: Readonly<Record<string, PropertySpec>>;
  readonly requiredInputs?: readonly string[];
  readonly properties?: Readonly<Record<string, PropertySpec>>;
  readonly required?: readonly string[];
}

/** A whole package schema. */
export interface PackageSpec {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly homepage: string;
  readonly repository: string;
  readonly license: string;
  readonly publisher: string;
  readonly pluginDownloadURL: string;
  readonly meta: { readonly moduleFormat: string };
  readonly language: Readonly<Record<string, unknown>>;
  readonly config: { readonly variables: Readonly<Record<string, PropertySpec>> };
  readonly provider: ResourceSpec;
  readonly resources: Readonly<Record<string, ResourceSpec>>;
  readonly types: Readonly<Record<string, TypeSpec>>;
}
