/** An operating system the plugin is built for, spelled as Pulumi spells it in plugin archive names. */
export type PluginOs = "linux" | "darwin" | "windows";
/** A CPU architecture the plugin is built for, spelled as Pulumi spells it (Go's names). */
export type PluginArch = "amd64" | "arm64";

/** One platform the plugin executable is built for. */
export interface PluginTarget {
  readonly os: PluginOs;
  readonly arch: PluginArch;
}

/** The plugin's name as the Pulumi engine knows it (`pulumi plugin install resource <name>`). */
export const PLUGIN_NAME = "bucket-encryption";

/** Every target the release workflow builds. */
export const ALL_TARGETS: readonly PluginTarget[] = (["linux", "darwin", "windows"] as const).flatMap((os) =>
  (["amd64", "arm64"] as const).map((arch) => ({ os, arch })),
);

// Accepted spellings: Pulumi's (Go's) and Node's (process.platform, process.arch), since the
// release matrix and a developer may think in either.
const OS_NAMES: Readonly<Record<string, PluginOs>> = { linux: "linux", darwin: "darwin", windows: "windows", win32: "windows" };
const ARCH_NAMES: Readonly<Record<string, PluginArch>> = { amd64: "amd64", x64: "amd64", arm64: "arm64" };

/** `linux-amd64`: the form `--target` takes and archive names carry. */
export function targetLabel(target: PluginTarget): string {
  return `${target.os}-${target.arch}`;
}

/** Reads `os-arch`: `linux-amd64`, `darwin-arm64`, `windows-amd64`, or Node's `win32-x64`. */
export function parseTarget(text: string): PluginTarget {
  const [osName = "", archName = "", ...rest] = text.trim().toLowerCase().split("-");
  const os = Object.hasOwn(OS_NAMES, osName) ? OS_NAMES[osName] : undefined;
  const arch = Object.hasOwn(ARCH_NAMES, archName) ? ARCH_NAMES[archName] : undefined;
  if (os === undefined || arch === undefined || rest.length > 0) {
    throw new Error(`unknown target ${JSON.stringify(text.slice(0, 40))}: expected one of ${ALL_TARGETS.map(targetLabel).join(", ")}`);
  }
  return { os, arch };
}

/** The platform this process runs on, or `undefined` where no plugin is built for it. */
export function hostTarget(platform: string = process.platform, arch: string = process.arch): PluginTarget | undefined {
  try {
    return parseTarget(`${platform}-${arch}`);
  } catch {
    return undefined;
  }
}

/** True when both name the same platform. */
export function sameTarget(a: PluginTarget, b: PluginTarget | undefined): boolean {
  return b !== undefined && a.os === b.os && a.arch === b.arch;
}

/** The executable's file name: what the engine looks for in the plugin's folder. */
export function executableName(target: PluginTarget): string {
  return `pulumi-resource-${PLUGIN_NAME}${target.os === "windows" ? ".exe" : ""}`;
}

/** The release asset's name, the form Pulumi's own providers use: `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`. */
export function archiveName(version: string, target: PluginTarget): string {
  return `pulumi-resource-${PLUGIN_NAME}-v${version}-${targetLabel(target)}.tar.gz`;
}
