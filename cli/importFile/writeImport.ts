import { writeFileSync } from "node:fs";
import path from "node:path";
import { type Declaration, renderDeclarations } from "./declarations";
import { buildImportFile } from "./importFile";
import { serializedProviderText } from "./providerText";

/** Where the two files go and how `pulumi import` will be run. */
export interface ImportOutput {
  readonly importFile: string;
  readonly declarationsFile: string;
  readonly protect: boolean;
  /** The resource type to import as: the dynamic resource (default) or the provider plugin's. */
  readonly resourceType?: ResourceKind;
}

/** The two kinds of BucketEncryption a stack may hold. */
export const RESOURCE_KINDS = ["dynamic", "plugin"] as const;

/** One of RESOURCE_KINDS. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * Why the two files cannot be written as given (they name the same file, so the declarations
 * would overwrite the import file), or undefined.
 */
export function outputProblem(output: Pick<ImportOutput, "importFile" | "declarationsFile">): string | undefined {
  return path.resolve(output.importFile) === path.resolve(output.declarationsFile)
    ? `--out and --declarations name the same file (${output.importFile}): the TypeScript declarations would replace the import file; give two different files`
    : undefined;
}

/**
 * Writes the import file (the imported declarations only) and, for the dynamic resource, the
 * TypeScript declarations (all of them: Pulumi cannot generate code for a dynamic resource), and
 * returns the `pulumi import` command to run next. For the plugin, Pulumi writes the declarations
 * itself, in the program's language, from the plugin's schema: only the import file is written.
 */
export async function writeImport(declarations: readonly Declaration[], output: ImportOutput): Promise<string> {
  const imported = declarations.filter((d) => d.imported).map((d) => ({ name: d.name, state: d.state }));
  const protect = output.protect ? "" : " --protect=false";
  if (output.resourceType === "plugin") {
    writeFileSync(output.importFile, `${JSON.stringify(buildImportFile(imported, { kind: "plugin" }), null, 2)}\n`);
    return `pulumi import --file ${output.importFile}${protect}`;
  }
  const file = buildImportFile(imported, { kind: "dynamic", providerText: await serializedProviderText() });
  writeFileSync(output.importFile, `${JSON.stringify(file, null, 2)}\n`);
  writeFileSync(output.declarationsFile, renderDeclarations(declarations, { protect: output.protect }));
  return `pulumi import --file ${output.importFile} --generate-code=false${protect}`;
}
