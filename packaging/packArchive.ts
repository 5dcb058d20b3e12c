import { chmodSync, copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { REPO_ROOT } from "./layout";
import { archiveName, executableName, type PluginTarget, PLUGIN_NAME, targetLabel } from "./targets";

/** What goes into an archive beside the executable, made by the build. */
export interface ArchiveInputs {
  readonly executable: string;
  readonly notices: string;
  readonly version: string;
  readonly target: PluginTarget;
  readonly homepage: string;
  readonly nodeVersion: string;
}

/** The files at an archive's root, in the order they are written. */
export function archiveEntries(target: PluginTarget): string[] {
  return [executableName(target), "LICENSE", "README.md", "THIRD-PARTY-NOTICES.txt"];
}

/**
 * Writes `pulumi-resource-bucket-encryption-v<version>-<os>-<arch>.tar.gz` into `outDir`, laid out
 * as `pulumi plugin install … -f` and Pulumi's own provider releases have it: the executable at the
 * root (mode 0755), then the project's LICENSE, a README and the bundled software's notices.
 * Returns its path.
 */
export async function packArchive(inputs: ArchiveInputs, stagingDir: string, outDir: string): Promise<string> {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const [executable = "", license = "", readme = "", notices = ""] = archiveEntries(inputs.target);
  copyFileSync(inputs.executable, path.join(stagingDir, executable));
  chmodSync(path.join(stagingDir, executable), 0o755);
  copyFileSync(path.join(REPO_ROOT, "LICENSE"), path.join(stagingDir, license));
  writeFileSync(path.join(stagingDir, readme), readmeText(inputs));
  writeFileSync(path.join(stagingDir, notices), inputs.notices);
  for (const name of [license, readme, notices]) chmodSync(path.join(stagingDir, name), 0o644);

  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, archiveName(inputs.version, inputs.target));
  // SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the entries' times when set.
  const epoch = Number(process.env["SOURCE_DATE_EPOCH"]);
  await tar.c({ file, cwd: stagingDir, gzip: true, portable: true, ...(Number.isInteger(epoch) && epoch > 0 ? { mtime: new Date(epoch * 1000) } : {}) }, archiveEntries(inputs.target));
  // The staged copy of the executable is as large as the executable: not kept once archived.
  rmSync(stagingDir, { recursive: true, force: true });
  if (statSync(file).size === 0) throw new Error(`${file} is empty`);
  return file;
}

function readmeText(inputs: ArchiveInputs): string {
  const archive = archiveName(inputs.version, inputs.target);
  return [
    `# pulumi-resource-${PLUGIN_NAME} v${inputs.version} (${targetLabel(inputs.target)})`,
    "",
    "The Pulumi resource provider plugin of pulumi-bucket-encryption: a bucket's default server-side",
    "encryption on JD Cloud OSS and Alibaba Cloud OSS, for Pulumi programs in any language.",
    "",
    `One self-contained executable: it embeds Node.js ${inputs.nodeVersion}, so neither Node.js nor npm is needed.`,
    "The Pulumi engine starts it; it is not meant to be run by hand.",
    "",
    "Install it into the plugin cache:",
    "",
    `    pulumi plugin install resource ${PLUGIN_NAME} ${inputs.version} -f ${archive}`,
    "",
    `Documentation: ${inputs.homepage}`,
    "",
    "Licence: Apache-2.0 (LICENSE). The bundled software's licences are in THIRD-PARTY-NOTICES.txt.",
    "",
  ].join("\n");
}
