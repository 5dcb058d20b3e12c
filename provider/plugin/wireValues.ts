import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/**
 * The key and value that mark an object on the wire as one of Pulumi's special values
 * (`sdk/go/common/resource/sig`): `{ [SPECIAL_SIG_KEY]: SECRET_SIG, value }` is a secret.
 */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Properties in plain JavaScript, secrets unwrapped, and which top-level keys held a secret. */
export interface DecodedProperties {
  readonly values: Record<string, unknown>;
  readonly secretKeys: ReadonlySet<string>;
}

/**
 * A Struct's properties as plain values: every secret wrapper removed (the value inside kept), and
 * the top-level keys whose value held a secret anywhere noted, so outputs can keep them secret.
 * Unknown values (the engine's sentinel string) pass through as they are. An absent Struct is empty.
 */
export function decodeProperties(struct: Struct | undefined): DecodedProperties {
  const raw = struct?.toJavaScript() ?? {};
  const values: Record<string, unknown> = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    const found = { secret: false };
    values[key] = unwrap(value, found);
    if (found.secret) secretKeys.add(key);
  }
  return { values, secretKeys };
}

/** `values` as a Struct, the values under `secretKeys` wrapped as secrets; undefined values are left out. */
export function encodeProperties(values: Readonly<Record<string, unknown>>, secretKeys: ReadonlySet<string> = new Set()): Struct {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[key] = secretKeys.has(key) ? { [SPECIAL_SIG_KEY]: SECRET_SIG, value } : value;
  }
  return Struct.fromJavaScript(out as Parameters<typeof Struct.fromJavaScript>[0]);
}

function isSecret(value: unknown): value is { readonly value?: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG;
}

function unwrap(value: unknown, found: { secret: boolean }): unknown {
  if (isSecret(value)) {
    found.secret = true;
    return unwrap(value.value, found);
  }
  if (Array.isArray(value)) return value.map((v) => unwrap(v, found));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v, found)]));
  }
  return value;
}
