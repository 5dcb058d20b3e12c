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

/**
 * The version in the package's own package.json (two levels above `build/provider/`), read at
 * run time so that a release never needs a generated source file. A header must never make a
 * request fail, so a manifest that cannot be read gives `unknown` (the packed-package test checks
 * that the installed package finds its version).
 */
export function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { name?: unknown; version?: unknown };
    return manifest.name === PACKAGE_NAME && typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}
