import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

/** The parts of package.json the package tests check. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly main: string;
  readonly types: string;
  readonly bin: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly repository: { readonly type: string; readonly url: string };
  readonly bugs: { readonly url: string };
  readonly homepage: string;
  readonly keywords: readonly string[];
}

/** The package.json in `dir`. */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

/**
 * The paths `npm pack` puts in the tarball for the checkout in `dir`, without building (the tests
 * look at the build that is already there).
 */
export function packedFiles(dir: string): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [info] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return (info?.files ?? []).map((f) => f.path).sort();
}

/** Every file path package.json names as an entry point (main, types, bin, every export). */
export function entryPoints(manifest: Manifest): string[] {
  const fromExports = Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)));
  return [manifest.main, manifest.types, ...Object.values(manifest.bin), ...fromExports].map((p) => path.posix.normalize(p));
}

/**
 * The modules a JavaScript or declaration file refers to by a bare name (not a relative path):
 * imports, re-exports, `import("…")` types, `require("…")` and `/// <reference types>`, as
 * TypeScript's own pre-processor finds them (comments and strings are not mistaken for imports).
 */
export function bareSpecifiers(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return [...info.importedFiles, ...info.typeReferenceDirectives].map((f) => f.fileName).filter((name) => !name.startsWith("."));
}

/** The package a bare specifier belongs to (`@smithy/types/foo` → `@smithy/types`); undefined for Node built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
