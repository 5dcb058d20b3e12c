import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type * as Yaml from "yaml";

/** One `--config key=value`. */
export interface ConfigOverride {
  readonly key: string;
  readonly value: string;
}

/**
 * Parses `key=value` as `pulumi preview --config` does: a key without a namespace belongs to the
 * project (`region` in project `infra` is `infra:region`). Throws on text without `=`.
 */
export function parseConfigOverride(text: string, project: string): ConfigOverride {
  const at = text.indexOf("=");
  if (at <= 0) throw new Error(`--config expects key=value, not ${JSON.stringify(text)}`);
  const key = text.slice(0, at);
  return { key: key.includes(":") ? key : `${project}:${key}`, value: text.slice(at + 1) };
}

/** A stack config file with overrides applied, in a temp directory; `dispose` removes it. */
export interface OverriddenConfig {
  readonly file: string;
  dispose(): void;
}

/**
 * Copies the stack's config file (`Pulumi.<stack>.yaml`) with the overrides set, so the preview
 * sees them while the user's file stays untouched (`pulumi preview --config` would save them into
 * it). Encrypted values and the secrets provider settings are copied as they are.
 */
export function writeOverriddenConfig(stackFile: string, overrides: readonly ConfigOverride[]): OverriddenConfig {
  // Loaded here: only a run with --config overrides of the program source needs it.
  const { parseDocument } = require("yaml") as typeof Yaml;
  const document = parseDocument(existsSync(stackFile) ? readFileSync(stackFile, "utf8") : "{}");
  for (const o of overrides) document.setIn(["config", o.key], o.value);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-drift-"));
  const file = path.join(dir, path.basename(stackFile));
  writeFileSync(file, document.toString(), { mode: 0o600 });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
