import type { BucketEncryptionState } from "../../provider/internal";
import { displayText } from "../output/inert/displayText";
import { inertJson } from "../output/inert/jsonText";

/** One declaration: the name, the state to declare, and whether `pulumi import` brings it in. */
export interface Declaration {
  readonly name: string;
  readonly state: BucketEncryptionState;
  /** False for a bucket without a rule: it is declared only, and `pulumi up` sets the rule. */
  readonly imported: boolean;
}

const PROPERTY_ORDER = ["cloud", "region", "bucket", "sseAlgorithm", "kmsMasterKeyId", "kmsDataEncryption", "endpoint", "signatureVersion"] as const;

/**
 * TypeScript that declares each resource with exactly the values imported (Pulumi cannot
 * generate code for a dynamic provider: it has no schema). With `protect`, imported resources
 * carry `{ protect: true }` to match what `pulumi import` records without `--protect=false`, so
 * `pulumi preview` shows no change. Values are written as JSON string literals with every control,
 * bidi, zero-width and separator character escaped (`inert/jsonText`), so no value can break out
 * of its string or hide code in an editor; a value in a comment goes through the display
 * sanitiser, which leaves no line terminator to end the comment.
 */
export function renderDeclarations(declarations: readonly Declaration[], options: { readonly protect: boolean }): string {
  const lines = [
    `// Written by \`pulumi-bucket-encryption\`: the BucketEncryption resources of the import file,`,
    `// with the live values. Add these lines to the program, then run \`pulumi import --file\`.`,
    `import { BucketEncryption } from "pulumi-bucket-encryption";`,
    ``,
  ];
  for (const d of declarations) {
    if (!d.imported) lines.push(`// ${displayText(d.state.bucket)} has no rule: declared, not imported; \`pulumi up\` sets it.`);
    const values = d.state as unknown as Readonly<Record<string, unknown>>;
    const props = PROPERTY_ORDER.filter((key) => values[key] !== undefined).map((key) => `    ${key}: ${inertJson(values[key], 0)},`);
    const opts = d.imported && options.protect ? ", { protect: true }" : "";
    lines.push(`new BucketEncryption(${inertJson(d.name, 0)}, {`, ...props, `}${opts});`, ``);
  }
  return lines.join("\n");
}
