import { writeFileSync } from "node:fs";
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
