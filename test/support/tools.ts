import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The repository root (this file is compiled to build/test/support/). */
export const REPO_ROOT = path.resolve(__dirname, "../../..");

/** Paths of the tools the end-to-end tests run. */
export interface Tools {
  readonly binDir: string;
  readonly pulumi: string;
  readonly minio: string;
  /** The GitHub Actions workflow linter. */
  readonly actionlint: string;
  /** The YAML language host (`runtime: yaml` programs); the CLI finds it on {@link Tools.path}. */
  readonly languageYaml: string;
  /** scripts/sdkgen: writes a package schema's Node.js, Python and Go SDKs with pkg/v3's generators. */
  readonly sdkgen: string;
  /** PATH with the CLI, the language host and the dynamic-provider launcher first. */
  readonly path: string;
}

/** A tool scripts/install-tools.sh builds, or all of them. */
export type ToolName = "all" | "pulumi" | "minio" | "actionlint" | "yaml" | "sdkgen";

/**
 * Installs (once, cached outside the repository) and locates the tools by running
 * scripts/install-tools.sh, whose last output line is the bin directory. Paths of tools not asked
 * for are given too; they exist only if an earlier run built them.
 */
export function installTools(which: ToolName = "all"): Tools {
  const out = execFileSync("bash", [path.join(REPO_ROOT, "scripts/install-tools.sh"), which], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const binDir = out.trim().split("\n").pop() ?? "";
  const pulumi = path.join(binDir, "pulumi");
  const minio = path.join(binDir, "minio");
  const actionlint = path.join(binDir, "actionlint");
  const languageYaml = path.join(binDir, "pulumi-language-yaml");
  const sdkgen = path.join(binDir, "pulumi-sdkgen");
  if ((which === "all" || which === "pulumi") && !existsSync(pulumi)) throw new Error(`the Pulumi CLI is not at ${pulumi}`);
  if ((which === "all" || which === "yaml") && !existsSync(languageYaml)) throw new Error(`the YAML language host is not at ${languageYaml}`);
  if ((which === "all" || which === "sdkgen") && !existsSync(sdkgen)) throw new Error(`pulumi-sdkgen is not at ${sdkgen}`);
  const launchers = [path.join(REPO_ROOT, "scripts/bin"), path.join(REPO_ROOT, "node_modules/@pulumi/pulumi")];
  return { binDir, pulumi, minio, actionlint, languageYaml, sdkgen, path: [binDir, ...launchers, process.env["PATH"] ?? ""].join(path.delimiter) };
}
