/** The most profiles a chain of `source_profile` links is followed through (a loop ends it). */
const MAX_CHAIN = 16;

/**
 * The OIDC token files `@alicloud/credentials` will read for `profile` (else the file's current
 * profile) of the CLI's `~/.aliyun/config.json` text: an OIDC-mode profile's `oidc_token_file`,
 * following ChainableRamRoleArn's `source_profile`. Each is checked before the library reads it.
 * Text that is not the file's JSON yields none: the library then refuses it, naming the file.
 */
export function cliProfileTokenFiles(configText: string, profile: string | undefined): string[] {
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    return [];
  }
  if (!isRecord(config) || !Array.isArray(config["profiles"])) return [];
  const byName = new Map<string, Record<string, unknown>>();
  for (const entry of config["profiles"] as unknown[]) {
    if (isRecord(entry) && typeof entry["name"] === "string" && !byName.has(entry["name"])) byName.set(entry["name"], entry);
  }
  const files: string[] = [];
  let name = profile ?? (typeof config["current"] === "string" ? config["current"] : undefined);
  for (let link = 0; name !== undefined && link < MAX_CHAIN; link++) {
    const entry = byName.get(name);
    if (entry === undefined) break;
    const tokenFile = entry["oidc_token_file"];
    if (entry["mode"] === "OIDC" && typeof tokenFile === "string" && tokenFile !== "") files.push(tokenFile);
    const next = entry["source_profile"];
    name = entry["mode"] === "ChainableRamRoleArn" && typeof next === "string" ? next : undefined;
  }
  return files;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
