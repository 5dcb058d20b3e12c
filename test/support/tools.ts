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
  /** PATH with the CLI, the language host and the dynamic-provider launcher first. */
  readonly path: string;
}

/**
 * Installs (once, cached outside the repository) and locates the Pulumi CLI and MinIO by running
 * scripts/install-tools.sh, whose last output line is the bin directory.
 */
export function installTools(which: "all" | "pulumi" | "minio" | "actionlint" = "all"): Tools {
  const out = execFileSync("bash", [path.join(REPO_ROOT, "scripts/install-tools.sh"), which], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const binDir = out.trim().split("\n").pop() ?? "";
  const pulumi = path.join(binDir, "pulumi");
  const minio = path.join(binDir, "minio");
  const actionlint = path.join(binDir, "actionlint");
  if ((which === "all" || which === "pulumi") && !existsSync(pulumi)) throw new Error(`the Pulumi CLI is not at ${pulumi}`);
  const launchers = [path.join(REPO_ROOT, "scripts/bin"), path.join(REPO_ROOT, "node_modules/@pulumi/pulumi")];
  return { binDir, pulumi, minio, actionlint, path: [binDir, ...launchers, process.env["PATH"] ?? ""].join(path.delimiter) };
}
