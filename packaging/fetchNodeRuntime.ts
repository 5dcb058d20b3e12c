import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { EMBEDDED_NODE_LICENSE, EMBEDDED_NODE_VERSION, runtimePackage } from "./embeddedNode";
import { cacheRoot } from "./layout";
import { type PluginTarget, targetLabel } from "./targets";

/** A target's official Node.js binary, as cached on this machine. */
export interface NodeRuntime {
  readonly binary: string;
  readonly version: string;
}

const NPM_TIMEOUT_MS = 10 * 60_000;

/**
 * The pinned Node.js runtime for `target`, downloaded once into the cache outside the repository
 * (`<cache>/node-<version>-<os>-<arch>/`) with `npm pack` from the npm registry and checked
 * against the pinned integrity before it is unpacked. A package that carries Node's LICENSE must
 * carry the text kept in the repository ({@link EMBEDDED_NODE_LICENSE}).
 */
export function fetchNodeRuntime(target: PluginTarget, env: NodeJS.ProcessEnv = process.env): NodeRuntime {
  const pkg = runtimePackage(target);
  const dir = path.join(cacheRoot(env), `node-${EMBEDDED_NODE_VERSION}-${targetLabel(target)}`);
  const runtime: NodeRuntime = { binary: path.join(dir, path.basename(pkg.binary)), version: EMBEDDED_NODE_VERSION };
  if (existsSync(runtime.binary)) return runtime;

  mkdirSync(path.dirname(dir), { recursive: true });
  // Unpacked beside its final place and renamed into it: a build stopped half-way leaves no
  // folder that a later build would take for a complete one.
  const scratch = mkdtempSync(`${dir}.partial-`);
  try {
    const spec = `${pkg.name}@${EMBEDDED_NODE_VERSION}`;
    const tarball = path.join(scratch, npmPack(spec, scratch));
    const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
    if (integrity !== pkg.integrity) {
      throw new Error(`${spec} from the registry has integrity ${integrity}, not the pinned ${pkg.integrity}`);
    }
    const wanted = new Set([`package/${pkg.binary}`, "package/LICENSE"]);
    tar.x({ file: tarball, cwd: scratch, sync: true, filter: (entry) => wanted.has(entry) });
    const license = path.join(scratch, "package", "LICENSE");
    if (existsSync(license) && !readFileSync(license).equals(readFileSync(EMBEDDED_NODE_LICENSE))) {
      throw new Error(`${spec}'s LICENSE differs from ${path.basename(EMBEDDED_NODE_LICENSE)}: replace that file with ${license} when the pinned version changes`);
    }
    const unpacked = path.join(scratch, "unpacked");
    mkdirSync(unpacked);
    renameSync(path.join(scratch, "package", pkg.binary), path.join(unpacked, path.basename(pkg.binary)));
    chmodSync(path.join(unpacked, path.basename(pkg.binary)), 0o755);
    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return runtime;
}

/** Runs `npm pack <spec>` into `dir` and returns the tarball's file name. */
function npmPack(spec: string, dir: string): string {
  // Under `npm run`, npm names its own entry script: running it with this Node avoids looking npm
  // up on PATH (and Windows' npm.cmd, which spawn cannot start without a shell).
  const npmCli = process.env["npm_execpath"];
  const [command, prefix] = npmCli !== undefined && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ["npm", []];
  const result = spawnSync(command, [...prefix, "pack", spec, "--json", "--pack-destination", dir], {
    cwd: dir,
    encoding: "utf8",
    timeout: NPM_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    shell: command === "npm" && process.platform === "win32",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    throw new Error(`npm pack ${spec} failed (${result.error?.message ?? `exit ${String(result.status)}`}): ${result.stderr.slice(-2000)}`);
  }
  const [info] = JSON.parse(result.stdout) as Array<{ filename?: unknown }>;
  if (typeof info?.filename !== "string") throw new Error(`npm pack ${spec} named no tarball`);
  return info.filename;
}
