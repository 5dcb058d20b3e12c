import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./tools";

let installed: string | undefined;

/**
 * A node_modules tree as a user's `npm install pulumi-bucket-encryption` would leave it, made
 * once per test process: this checkout's installed dependencies (hard links, so it is fast and
 * takes no space) with the package itself unpacked from `npm pack`, not linked to the checkout.
 * Real paths matter: Pulumi's closure serializer decides by them whether the provider is an
 * installed module (stored as a `require`) or local code (stored by value).
 */
function installedModules(): string {
  if (installed === undefined) {
    const root = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-install-"));
    // --ignore-scripts: the build under test is already made; prepack would rebuild it from clean
    // underneath the running tests.
    const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", root], { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const [info] = JSON.parse(out) as Array<{ filename: string }>;
    const modules = path.join(root, "node_modules");
    execFileSync("cp", ["-al", path.join(REPO_ROOT, "node_modules"), modules]);
    const target = path.join(modules, "pulumi-bucket-encryption");
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target);
    execFileSync("tar", ["-xzf", path.join(root, info?.filename ?? ""), "-C", target, "--strip-components=1"]);
    installed = modules;
    process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  }
  return installed;
}

/** Gives `projectDir` the installed node_modules tree. */
export function installPackage(projectDir: string): void {
  symlinkSync(installedModules(), path.join(projectDir, "node_modules"));
}
