import { CredentialConfigError } from "../errors/CredentialConfigError";

/**
 * An object-valued stack config key (`pulumi config set --path alicloud:assumeRole.roleArn …`
 * stores an object; the engine hands it over as JSON text). Undefined when unset.
 */
export function readObjectConfig(key: string, raw: string | undefined): Readonly<Record<string, unknown>> | undefined {
  if (raw === undefined || raw === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CredentialConfigError(`stack config ${key}`, "must be an object (set its fields with pulumi config set --path)");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CredentialConfigError(`stack config ${key}`, "must be an object (set its fields with pulumi config set --path)");
  }
  return value as Record<string, unknown>;
}

/** Reads fields of one object-valued key, each checked; unknown fields are refused by name. */
export class ObjectFields {
  constructor(
    private readonly source: string,
    private readonly fields: Readonly<Record<string, unknown>>,
    allowed: readonly string[],
  ) {
    const unknown = Object.keys(fields).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) throw new CredentialConfigError(source, `has unknown field(s) ${unknown.join(", ")}; allowed: ${allowed.join(", ")}`);
  }

  /** A non-empty string field; `pattern` checks its shape (the message names the field, not the value). */
  string(name: string, options: { required: true; pattern?: RegExp; shape?: string }): string;
  string(name: string, options?: { required?: false; pattern?: RegExp; shape?: string }): string | undefined;
  string(name: string, options: { required?: boolean; pattern?: RegExp; shape?: string } = {}): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === "") {
      if (options.required === true) throw new CredentialConfigError(this.source, `needs ${name}`);
      return undefined;
    }
    if (typeof value !== "string") throw new CredentialConfigError(this.source, `${name} must be a string`);
    if (options.pattern !== undefined && !options.pattern.test(value)) {
      throw new CredentialConfigError(this.source, `${name} must be ${options.shape ?? `like ${options.pattern.source}`}`);
    }
    return value;
  }

  /** A whole number field within [min, max] (strings of digits are accepted: config values are text). */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new CredentialConfigError(this.source, `${name} must be a whole number of seconds from ${min} to ${max}`);
    return n;
  }
}
