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
}

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
 * Writes the import file (the imported declarations only) and the declarations (all of them), and
 * returns the `pulumi import` command to run next.
 */
export async function writeImport(declarations: readonly Declaration[], output: ImportOutput): Promise<string> {
  const imported = declarations.filter((d) => d.imported).map((d) => ({ name: d.name, state: d.state }));
  const file = buildImportFile(imported, await serializedProviderText());
  writeFileSync(output.importFile, `${JSON.stringify(file, null, 2)}\n`);
  writeFileSync(output.declarationsFile, renderDeclarations(declarations, { protect: output.protect }));
  return `pulumi import --file ${output.importFile} --generate-code=false${output.protect ? "" : " --protect=false"}`;
}
