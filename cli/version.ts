import { readFileSync } from "node:fs";
import path from "node:path";

let known: string | undefined;

/**
 * The package's version, from its package.json two folders up (`build/cli/` in a checkout and in
 * an install), read once; `0.0.0` when it cannot be read. Read here rather than asked of the
 * provider (whose `packageVersion` the requests' User-Agent uses, and the packed-package test
 * checks the two agree): the provider's entry point loads the whole client, which every command
 * would then load before its first step, and `drift --source state` starts its CLI processes
 * first.
 */
export function version(): string {
  if (known === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
      known = typeof manifest.version === "string" ? manifest.version : "0.0.0";
    } catch {
      known = "0.0.0";
    }
  }
  return known;
}
