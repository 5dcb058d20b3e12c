import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundlePlugin } from "./bundlePlugin";
import { fetchNodeRuntime } from "./fetchNodeRuntime";
import { DEFAULT_ENTRY, DEFAULT_OUT_DIR, REPO_ROOT, workDir } from "./layout";
import { packArchive } from "./packArchive";
import { pluginVersion, startPlugin } from "./runPlugin";
import { assertBuildableHere, makeSeaExecutable } from "./seaExecutable";
import { executableName, hostTarget, parseTarget, type PluginTarget, sameTarget, targetLabel } from "./targets";
import { thirdPartyNotices } from "./thirdPartyNotices";

/** Options of {@link buildPlugin}. */
export interface BuildOptions {
  readonly target: PluginTarget;
  /** The compiled entry point; {@link DEFAULT_ENTRY} is the plugin's. */
  readonly entry: string;
  readonly outDir: string;
  /** Start the executable and ask its version, when it is built for this machine. */
  readonly check: boolean;
  readonly log?: (line: string) => void;
}

/** What a build made and what it measured. */
export interface BuildResult {
  readonly archive: string;
  readonly executable: string;
  readonly version: string;
  readonly archiveBytes: number;
  readonly executableBytes: number;
  readonly bundleBytes: number;
  /** Milliseconds per step. */
  readonly timings: Readonly<Record<string, number>>;
  /** Milliseconds from spawn to the port line, when the executable was checked. */
  readonly startupMs?: number;
}

/** The version every archive carries: package.json's. */
export function projectVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw new Error("package.json has no version");
  return manifest.version;
}

/** Bundles the entry, makes the single executable for the target, checks it (on its own platform) and archives it. */
export async function buildPlugin(options: BuildOptions): Promise<BuildResult> {
  const { target } = options;
  const log = options.log ?? (() => undefined);
  if (!existsSync(options.entry)) {
    throw new Error(`${options.entry} does not exist: run \`npm run build\` first (the plugin's source is provider/plugin/main.ts), or name another with --entry`);
  }
  const host = hostTarget();
  if (host === undefined) throw new Error(`no pinned Node.js runtime runs on this machine (${process.platform}-${process.arch})`);
  assertBuildableHere(target);
  const version = projectVersion();
  const work = workDir(target);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, action: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await action();
    timings[name] = Math.round(performance.now() - started);
    log(`${name}: ${timings[name]} ms`);
    return result;
  };

  const hostRuntime = await step("runtime (this machine)", () => fetchNodeRuntime(host));
  const targetRuntime = sameTarget(target, host) ? hostRuntime : await step(`runtime (${targetLabel(target)})`, () => fetchNodeRuntime(target));
  const bundle = await step("bundle", () => bundlePlugin({ entry: options.entry, outfile: path.join(work, "plugin.js"), version }));
  for (const module of bundle.leftOut) log(`left out (the code guards its absence): ${module}`);
  const executable = path.join(work, executableName(target));
  await step("single executable", () => makeSeaExecutable({ bundle: bundle.file, target, hostRuntime, targetRuntime, workDir: work, output: executable }));
  let startupMs: number | undefined;
  if (options.check && sameTarget(target, host)) {
    startupMs = await step("check", async () => {
      const plugin = await startPlugin(executable);
      try {
        const reported = await pluginVersion(plugin.port);
        if (reported !== version) throw new Error(`the executable reports version ${JSON.stringify(reported)}, not ${version}`);
        return plugin.startupMs;
      } finally {
        await plugin.stop();
      }
    });
  }
  const notices = thirdPartyNotices(bundle.packageDirs);
  const homepage = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { homepage?: string }).homepage ?? "";
  const archive = await step("archive", () =>
    packArchive({ executable, notices, version, target, homepage, nodeVersion: targetRuntime.version }, path.join(work, "archive"), options.outDir),
  );
  return {
    archive,
    executable,
    version,
    archiveBytes: statSync(archive).size,
    executableBytes: statSync(executable).size,
    bundleBytes: bundle.bytes,
    timings,
    ...(startupMs !== undefined ? { startupMs } : {}),
  };
}

/** Reads the command line (`--target os-arch`, `--entry file`, `--out-dir dir`, `--no-check`); PLUGIN_TARGET stands in for `--target`. */
export function parseBuildArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { target: { type: "string" }, entry: { type: "string" }, "out-dir": { type: "string" }, "no-check": { type: "boolean" } },
    strict: true,
  });
  const targetText = values.target ?? env["PLUGIN_TARGET"];
  const target = targetText !== undefined && targetText !== "" ? parseTarget(targetText) : hostTarget();
  if (target === undefined) throw new Error(`no plugin is built for this machine (${process.platform}-${process.arch}): name one with --target`);
  return {
    target,
    entry: values.entry !== undefined ? path.resolve(values.entry) : DEFAULT_ENTRY,
    outDir: values["out-dir"] !== undefined ? path.resolve(values["out-dir"]) : DEFAULT_OUT_DIR,
    check: values["no-check"] !== true,
  };
}

const MIB = 1024 * 1024;

/** The command: builds one target's archive and prints where it is and what it measured. */
export async function main(argv: readonly string[]): Promise<void> {
  const options = parseBuildArgs(argv);
  const started = performance.now();
  const log = (line: string): void => void process.stderr.write(`[build-plugin] ${line}\n`);
  log(`target ${targetLabel(options.target)}, entry ${path.relative(REPO_ROOT, options.entry) || options.entry}`);
  const result = await buildPlugin({ ...options, log });
  log(`executable ${(result.executableBytes / MIB).toFixed(1)} MiB (bundle ${(result.bundleBytes / MIB).toFixed(2)} MiB)`);
  if (result.startupMs !== undefined) log(`started and answered GetPluginInfo ${result.version}; port line after ${Math.round(result.startupMs)} ms`);
  log(`archive ${(result.archiveBytes / MIB).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`${result.archive}\n`);
}
