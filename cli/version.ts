import { readFileSync } from "node:fs";
import path from "node:path";

/** The package's version, from its package.json (two levels above build/cli). */
export function version(): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}
