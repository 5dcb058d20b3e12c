import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "postject";
import type { NodeRuntime } from "./fetchNodeRuntime";
import type { PluginTarget } from "./targets";

// The names Node's single executable application support looks for (doc/api/single-executable-applications.md).
const BLOB_RESOURCE = "NODE_SEA_BLOB";
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const MACHO_SEGMENT = "NODE_SEA";
const TOOL_TIMEOUT_MS = 120_000;

/** Options of {@link makeSeaExecutable}. */
export interface SeaOptions {
  readonly bundle: string;
  readonly target: PluginTarget;
  /** The pinned runtime for this machine: it writes the blob, which only the same Node version can read. */
  readonly hostRuntime: NodeRuntime;
  /** The pinned runtime for the target: the blob is injected into a copy of it. */
  readonly targetRuntime: NodeRuntime;
  readonly workDir: string;
  readonly output: string;
}

/**
 * Makes the single executable: a copy of the target's Node.js binary with the bundle injected as
 * its main script. The blob is made without a V8 code cache or startup snapshot, both of which are
 * tied to the platform that makes them, so one blob serves every target and a target other than
 * this machine's can be built here (macOS excepted: its binaries must be re-signed, with `codesign`).
 */
export async function makeSeaExecutable(options: SeaOptions): Promise<void> {
  const { target, output } = options;
  assertBuildableHere(target);
  const blob = path.join(options.workDir, "sea-prep.blob");
  const config = path.join(options.workDir, "sea-config.json");
  const seaConfig = {
    main: options.bundle,
    output: blob,
    disableExperimentalSEAWarning: true,
    useSnapshot: false,
    useCodeCache: false,
    // The engine hands plugins the user's environment: a NODE_OPTIONS meant for their own Node.js
    // programs (`--require ts-node/register`, `--import tsx`) must not reach the plugin's runtime.
    execArgvExtension: "none",
  };
  writeFileSync(config, JSON.stringify(seaConfig, null, 2));
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  run(options.hostRuntime.binary, ["--experimental-sea-config", config], env);

  copyFileSync(options.targetRuntime.binary, output);
  chmodSync(output, 0o755);
  // The official binaries are signed; injection invalidates the signature, so it is removed first
  // and (macOS) replaced by an ad-hoc one after. On Windows removal is optional (Node's docs): done
  // when signtool is named by SIGNTOOL, otherwise the stale signature stays and Windows runs it anyway.
  if (target.os === "darwin") run("codesign", ["--remove-signature", output]);
  const signtool = process.env["SIGNTOOL"];
  if (target.os === "windows" && signtool !== undefined && signtool !== "") run(signtool, ["remove", "/s", output]);
  await withoutLiefNoise(() => inject(output, BLOB_RESOURCE, readFileSync(blob), { sentinelFuse: SEA_FUSE, ...(target.os === "darwin" ? { machoSegmentName: MACHO_SEGMENT } : {}) }));
  if (target.os === "darwin") run("codesign", ["--sign", "-", output]);
}

/** Throws when this machine cannot finish an executable for `target` (macOS's, which need codesign, elsewhere). */
export function assertBuildableHere(target: PluginTarget, platform: string = process.platform): void {
  if (target.os === "darwin" && platform !== "darwin") {
    throw new Error("a macOS executable must be re-signed after injection, which needs codesign: build darwin targets on macOS");
  }
}

// postject's LIEF reports, once per note section of Node's ELF binary, that a section has no name
// in the string table; the injection is sound (the executable is started and checked after). Those
// lines go; anything else LIEF says is still shown. postject prints through console.warn.
const LIEF_NOTE_NOISE = /^warning: Can't find string offset for section name '\.note[^']*'$/;

async function withoutLiefNoise<T>(action: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(args.length === 1 && typeof args[0] === "string" && LIEF_NOTE_NOISE.test(args[0]))) warn(...args);
  };
  try {
    return await action();
  } finally {
    console.warn = warn;
  }
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: TOOL_TIMEOUT_MS, env, stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) {
    const detail = result.error?.message ?? `exit ${String(result.status)}`;
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (${detail}): ${`${result.stdout}${result.stderr}`.slice(-2000)}`);
  }
}
