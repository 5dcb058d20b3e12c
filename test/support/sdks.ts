import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./tools";

/** The languages pulumi-sdkgen writes (pkg/v3 no longer holds the .NET generator). */
export const SDK_LANGUAGES = ["nodejs", "python", "go"] as const;

/** One of {@link SDK_LANGUAGES}. */
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

/** The Go SDK module the generated Go code builds against: the CLI's release. */
export const PULUMI_GO_SDK_VERSION = "v3.259.0";

/** The outcome of one command, kept whole for assertions. */
export interface CommandResult {
  /** The command line, for messages. */
  readonly command: string;
  /** The exit code; -1 when the command could not run, was killed, or overran its limits. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

/** Limits of every command here: a Go build from a cold module cache is the slowest. */
const TIMEOUT_MS = 15 * 60_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Runs a command to its end within the limits above; never throws. */
export function runCommand(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CommandResult {
  const started = Date.now();
  const result = spawnSync(file, args, { cwd, env, encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, killSignal: "SIGKILL" });
  const failure = result.error !== undefined ? `\n${result.error.message}` : "";
  return {
    command: [file, ...args].join(" "),
    code: result.error !== undefined || result.status === null ? -1 : result.status,
    stdout: result.stdout ?? "",
    stderr: (result.stderr ?? "") + failure,
    durationMs: Date.now() - started,
  };
}

/**
 * Writes the SDKs of a package schema into `<outDir>/<language>/` with pulumi-sdkgen
 * (`Tools.sdkgen`).
 */
export function generateSdks(sdkgen: string, schemaPath: string, outDir: string, languages: readonly SdkLanguage[] = SDK_LANGUAGES): CommandResult {
  return runCommand(sdkgen, [schemaPath, outDir, languages.join(",")], REPO_ROOT);
}

/** The language sections of a schema that decide where the generated code lives. */
export interface SchemaLanguageInfo {
  /** `language.go.importBasePath`: the Go package of the SDK's root module. */
  readonly goImportBasePath: string;
  /** `language.python.packageName`, or the generator's default `pulumi_<name>`. */
  readonly pythonPackage: string;
}

/** Reads the language sections of a schema file (a file of the repository, read whole). */
export function schemaLanguageInfo(schemaPath: string): SchemaLanguageInfo {
  const spec = JSON.parse(readFileSync(schemaPath, "utf8")) as {
    name?: string;
    language?: { go?: { importBasePath?: string }; python?: { packageName?: string } };
  };
  const name = spec.name ?? "";
  const goImportBasePath = spec.language?.go?.importBasePath;
  if (goImportBasePath === undefined) throw new Error(`${schemaPath} has no language.go.importBasePath`);
  return { goImportBasePath, pythonPackage: spec.language?.python?.packageName ?? `pulumi_${name.replace(/-/g, "_")}` };
}

/**
 * Type-checks the Node.js SDK with the repository's TypeScript against the repository's
 * `@pulumi/pulumi` (the SDK's own tsconfig.json, no output), as `npm install && tsc` would.
 */
export function compileNodejsSdk(sdkDir: string): CommandResult {
  // The generated package.json asks for @pulumi/pulumi and @types/node; the repository has both.
  const modules = path.join(sdkDir, "node_modules");
  if (!existsSync(modules)) symlinkSync(path.join(REPO_ROOT, "node_modules"), modules, "dir");
  const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  return runCommand(process.execPath, [tsc, "--project", path.join(sdkDir, "tsconfig.json"), "--noEmit"], sdkDir);
}

/**
 * Byte-compiles the Python SDK (syntax only: importing it would need pulumi's Python package,
 * which byte-compiling does not).
 */
export function compilePythonSdk(sdkDir: string): CommandResult {
  return runCommand("python3", ["-m", "compileall", "-q", sdkDir], sdkDir);
}

/**
 * Builds every package of the Go SDK. The generator writes go.mod only for schemas with
 * `meta.supportPack`; without it the SDK is a directory named after the import path's last
 * element, so a module is made one level above, at the import path's parent. Either way the
 * module is made to require the Go SDK at {@link PULUMI_GO_SDK_VERSION}; the rest of its
 * requirements are resolved from the Go module proxy (or the module cache) by `-mod=mod`.
 */
export function compileGoSdk(sdkDir: string, importBasePath: string): CommandResult[] {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: ["/usr/local/go/bin", process.env["PATH"] ?? ""].join(path.delimiter),
    GOFLAGS: "-mod=mod",
    // A go directive newer than the installed Go must fail here, not fetch another toolchain.
    GOTOOLCHAIN: "local",
  };
  const goMod = path.join(sdkDir, "go.mod");
  if (!existsSync(goMod)) writeFileSync(goMod, `module ${path.posix.dirname(importBasePath)}\n\ngo 1.25\n`);
  const steps: CommandResult[] = [runCommand("go", ["mod", "edit", `-require=github.com/pulumi/pulumi/sdk/v3@${PULUMI_GO_SDK_VERSION}`], sdkDir, env)];
  if (steps[0]?.code === 0) steps.push(runCommand("go", ["build", "./..."], sdkDir, env));
  return steps;
}

/** Compiles one language's SDK in `<outDir>/<language>/`; the last result is the compiler's. */
export function compileSdk(language: SdkLanguage, outDir: string, info: SchemaLanguageInfo): CommandResult[] {
  const sdkDir = path.join(outDir, language);
  switch (language) {
    case "nodejs":
      return [compileNodejsSdk(sdkDir)];
    case "python":
      return [compilePythonSdk(sdkDir)];
    case "go":
      return compileGoSdk(sdkDir, info.goImportBasePath);
  }
}

/**
 * Builds the Node.js SDK in `sdkDir` into the package a program requires, laid out as the
 * published SDK is (and as `pulumi package add` leaves a local one): the TypeScript compiled to
 * bin/ with the repository's compiler against the repository's `@pulumi/pulumi`, and package.json
 * copied beside it as is (the SDK reads its own version there, and registers its resources with
 * it). Returns the compiler's result and the package folder.
 */
export function buildNodejsSdk(sdkDir: string): { readonly result: CommandResult; readonly packageDir: string } {
  const modules = path.join(sdkDir, "node_modules");
  if (!existsSync(modules)) symlinkSync(path.join(REPO_ROOT, "node_modules"), modules, "dir");
  const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  const result = runCommand(process.execPath, [tsc, "--project", path.join(sdkDir, "tsconfig.json")], sdkDir);
  const packageDir = path.join(sdkDir, "bin");
  if (result.code === 0) copyFileSync(path.join(sdkDir, "package.json"), path.join(packageDir, "package.json"));
  return { result, packageDir };
}
