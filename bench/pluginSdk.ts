import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type CommandResult, generateSdks, runCommand } from "../test/support/sdks";
import { REPO_ROOT } from "../test/support/tools";

/** The npm name the schema gives the generated Node.js SDK. */
export const NODE_SDK_PACKAGE = "@pulumi-bucket-encryption/bucket-encryption";

/** The schema the SDK is generated from, as the plugin serves it. */
const SCHEMA = path.join(REPO_ROOT, "schema", "bucket-encryption.json");

/** A generated and compiled Node.js SDK, ready to be linked into a project's node_modules. */
export interface BuiltNodeSdk {
  /** The package folder (compiled JavaScript and its package.json), as `npm publish` of `bin/` would ship it. */
  readonly packageDir: string;
  readonly generateMs: number;
  readonly compileMs: number;
  remove(): void;
}

function must(result: CommandResult): CommandResult {
  if (result.code !== 0) throw new Error(`${result.command} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * Generates the Node.js SDK from the schema with pulumi-sdkgen and compiles it with the
 * repository's TypeScript, as a provider's release does: `${VERSION}` becomes package.json's
 * version (the plugin version the SDK asks the engine for), tsc writes `bin/`, and package.json
 * goes beside the compiled code.
 */
export function buildNodeSdk(sdkgen: string): BuiltNodeSdk {
  const root = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-bench-sdk-"));
  try {
    const generated = must(generateSdks(sdkgen, SCHEMA, root, ["nodejs"]));
    const sdkDir = path.join(root, "nodejs");
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const manifest = readFileSync(path.join(sdkDir, "package.json"), "utf8").replaceAll("${VERSION}", version);
    writeFileSync(path.join(sdkDir, "package.json"), manifest);
    // Types for the compiler only: @pulumi/pulumi and @types/node from the repository.
    symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(sdkDir, "node_modules"), "dir");
    const compiled = must(runCommand(process.execPath, [path.join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "--project", path.join(sdkDir, "tsconfig.json")], sdkDir));
    const packageDir = path.join(sdkDir, "bin");
    writeFileSync(path.join(packageDir, "package.json"), manifest);
    return { packageDir, generateMs: generated.durationMs, compileMs: compiled.durationMs, remove: () => rmSync(root, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Installs the SDK into a node_modules tree (a copy, as `npm install` leaves it), so that its
 * `require("@pulumi/pulumi")` finds the same copy the program loads: one SDK runtime per program.
 */
export function installNodeSdk(sdk: BuiltNodeSdk, nodeModules: string): void {
  const target = path.join(nodeModules, ...NODE_SDK_PACKAGE.split("/"));
  if (existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(sdk.packageDir, target, { recursive: true });
}
