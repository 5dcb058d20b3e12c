import { readFileSync } from "node:fs";
import path from "node:path";

/** The package's name as it appears on the npm registry and in every `User-Agent`. */
export const PACKAGE_NAME = "pulumi-bucket-encryption";

/**
 * The `User-Agent` every request carries: the package and its version, then Node.js's version and
 * the platform, e.g. `pulumi-bucket-encryption/0.1.0 node/20.20.2 (linux; x64)`. The clouds' support
 * teams trace requests by it, as they do with the official SDKs (`aliyun-sdk-nodejs/6.23.0 Node.js
 * 20.20.2 on linux x64`, `aws-sdk-js/3.x … md/nodejs#20.20.2`).
 */
export function userAgent(version: string = packageVersion(), node: string = process.versions.node): string {
  return `${PACKAGE_NAME}/${version} node/${node} (${process.platform}; ${process.arch})`;
}

let knownVersion: string | undefined;

/**
 * The package's version: the one a bundler wrote into the code (the plugin's single executable
 * carries no package.json), else the one in the package's own package.json, found by walking up
 * from this file (`build/provider/http/` in a checkout or an install), read once. A header must
 * never make a request fail, so a manifest that cannot be read gives `unknown` (the packed-package
 * test checks that the installed package finds its version).
 */
export function packageVersion(): string {
  knownVersion ??= bundledVersion() ?? manifestVersion() ?? "unknown";
  return knownVersion;
}

// The plugin's bundler replaces this name with package.json's version; unbundled it is not
// defined at all, which `typeof` answers without throwing.
declare const __PULUMI_BUCKET_ENCRYPTION_VERSION__: string | undefined;

function bundledVersion(): string | undefined {
  return typeof __PULUMI_BUCKET_ENCRYPTION_VERSION__ === "string" && __PULUMI_BUCKET_ENCRYPTION_VERSION__ !== "" ? __PULUMI_BUCKET_ENCRYPTION_VERSION__ : undefined;
}

function manifestVersion(): string | undefined {
  for (let dir = __dirname, depth = 0; depth < 5; dir = path.dirname(dir), depth++) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME) return typeof manifest.version === "string" ? manifest.version : undefined;
    } catch {
      // Not here (or unreadable): look one level up.
    }
  }
  return undefined;
}
