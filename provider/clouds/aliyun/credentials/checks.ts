import path from "node:path";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import { RAM_NAMES, type RamName } from "../names";

/** `value` when it is a valid `kind` of RAM name; undefined when unset; else a refusal naming `source`. */
export function checkedName(kind: RamName, value: string | undefined, source: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!RAM_NAMES[kind].pattern.test(value)) throw new CredentialConfigError(source, `must be ${RAM_NAMES[kind].shape}`);
  return value;
}

/** `value` when it is an http(s) URL; undefined when unset; else a refusal naming `source`. */
export function checkedUri(value: string | undefined, source: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) throw new CredentialConfigError(source, "must be an http(s) URL");
  return value;
}

/** The CLI's profile file, `~/.aliyun/config.json`. */
export function cliConfigFile(around: Surroundings): string {
  return path.join(around.homeDir, ".aliyun", "config.json");
}

/** A named profile needs the CLI's file: its absence is a configuration error found at preview. */
export function requireCliFile(around: Surroundings, source: string, profile: string): void {
  const file = cliConfigFile(around);
  if (!around.fileExists(file)) throw new CredentialConfigError(source, `names profile "${profile}" but ${file} does not exist (create it with aliyun configure --profile ${profile})`);
}
