import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_NODE_LICENSE, EMBEDDED_NODE_VERSION } from "./embeddedNode";
import { REPO_ROOT } from "./layout";

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$|^licen[cs]e-/i;

interface PackageManifest {
  readonly name?: unknown;
  readonly version?: unknown;
  readonly license?: unknown;
  readonly author?: unknown;
}

/**
 * The notices every bundled package's licence asks a redistributor to keep (MIT, ISC, BSD and
 * Apache-2.0 all do), then Node.js's own LICENSE, which covers the runtime and the libraries built
 * into it. A package that ships no licence file is listed with the licence its package.json declares.
 */
export function thirdPartyNotices(packageDirs: readonly string[]): string {
  const sections = packageDirs.map((dir) => packageNotice(path.resolve(REPO_ROOT, dir)));
  sections.push(`## Node.js ${EMBEDDED_NODE_VERSION} (the embedded runtime)\n\n${readFileSync(EMBEDDED_NODE_LICENSE, "utf8").trim()}\n`);
  return `Third-party software in this executable\n\nThe executable holds the Node.js runtime and these npm packages, bundled.\n\n${sections.join("\n")}`;
}

function packageNotice(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as PackageManifest;
  const name = typeof manifest.name === "string" ? manifest.name : path.basename(dir);
  const version = typeof manifest.version === "string" ? manifest.version : "";
  const declared = typeof manifest.license === "string" ? manifest.license : "not declared";
  const texts = readdirSync(dir)
    .filter((file) => LICENSE_FILE.test(file))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), "utf8").trim());
  const body = texts.length > 0 ? texts.join("\n\n") : `The package ships no licence text${authorOf(manifest)}.`;
  return `## ${name} ${version}\n\nDeclared licence: ${declared}\n\n${body}\n`;
}

function authorOf(manifest: PackageManifest): string {
  const author = manifest.author;
  if (typeof author === "string") return `; its author: ${author}`;
  if (typeof author === "object" && author !== null && "name" in author && typeof author.name === "string") return `; its author: ${author.name}`;
  return "";
}
