/**
 * Secret values in an exported deployment. The Automation API exports with `--show-secrets`, so a
 * secret is an object marked with the engine's signature key and holding its value as JSON text in
 * `plaintext`; an export without it holds `ciphertext` instead, which this package cannot read.
 */

/** The key that marks a special value in serialized state (the engine's `sig` key). */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Stands for a secret whose value the export did not show (its ciphertext only). */
export const HIDDEN_SECRET: unique symbol = Symbol("hidden secret");

/**
 * The value with every secret replaced by what it holds, recursively; a secret without its
 * plaintext (or with plaintext that is not JSON) becomes HIDDEN_SECRET. Pure: the input is not
 * changed. Depth is bounded, so hand-edited state cannot exhaust the stack.
 */
export function revealSecrets(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => revealSecrets(v, depth + 1));
  const record = value as Readonly<Record<string, unknown>>;
  if (record[SIGNATURE_KEY] === SECRET_SIGNATURE) {
    const plaintext = record["plaintext"];
    if (typeof plaintext !== "string") return HIDDEN_SECRET;
    try {
      return revealSecrets(JSON.parse(plaintext) as unknown, depth + 1);
    } catch {
      return HIDDEN_SECRET;
    }
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revealSecrets(v, depth + 1)]));
}

/** True when `value` holds a secret anywhere (revealed or not). Depth is bounded as above. */
export function holdsSecret(value: unknown, depth = 0): boolean {
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (!Array.isArray(value) && (value as Readonly<Record<string, unknown>>)[SIGNATURE_KEY] === SECRET_SIGNATURE) return true;
  return Object.values(value).some((v) => holdsSecret(v, depth + 1));
}
