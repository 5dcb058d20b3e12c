import { CredentialConfigError } from "../errors/CredentialConfigError";

/**
 * An object-valued setting (`pulumi config set --path alicloud:assumeRole.roleArn …` stores an
 * object; the engine hands it over as JSON text), named `source` in errors. Undefined when unset.
 */
export function readObjectConfig(source: string, raw: string | undefined): Readonly<Record<string, unknown>> | undefined {
  if (raw === undefined || raw === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CredentialConfigError(source, "must be an object (set its fields with pulumi config set --path)");
  }
  return value as Record<string, unknown>;
}

/** The shape a string field must have, described for messages (never quoting the value). */
export interface FieldShape {
  readonly required?: boolean;
  readonly pattern?: RegExp;
  readonly shape?: string;
}

/**
 * The fields of one credential setting, wherever they are written (an object in stack config,
 * a set of environment variables): each read is checked, and a refusal names where the field
 * came from, never its value. One reader per setting lets one parser serve every place.
 */
export interface SettingFields {
  /** A non-empty string field, checked against `options`. */
  string(name: string, options: FieldShape & { readonly required: true }): string;
  string(name: string, options?: FieldShape): string | undefined;
  /** A whole number field within [min, max] (strings of digits are accepted: config values are text). */
  integer(name: string, min: number, max: number): number | undefined;
}

/** Reads fields of one object-valued key, each checked; unknown fields are refused by name. */
export class ObjectFields implements SettingFields {
  constructor(
    private readonly source: string,
    private readonly fields: Readonly<Record<string, unknown>>,
    allowed: readonly string[],
  ) {
    const unknown = Object.keys(fields).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) throw new CredentialConfigError(source, `has unknown field(s) ${unknown.join(", ")}; allowed: ${allowed.join(", ")}`);
  }

  string(name: string, options: FieldShape & { readonly required: true }): string;
  string(name: string, options?: FieldShape): string | undefined;
  string(name: string, options: FieldShape = {}): string | undefined {
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

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new CredentialConfigError(this.source, `${name} must be a whole number of seconds from ${min} to ${max}`);
    return n;
  }
}

/**
 * Reads a setting's fields from environment variables, one variable per field (`names`); a
 * field without a variable is absent. A refusal names the variable.
 */
export class EnvironmentFields implements SettingFields {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly names: Readonly<Record<string, string>>,
  ) {}

  string(name: string, options: FieldShape & { readonly required: true }): string;
  string(name: string, options?: FieldShape): string | undefined;
  string(name: string, options: FieldShape = {}): string | undefined {
    const variable = this.names[name];
    const value = variable !== undefined ? this.env[variable] : undefined;
    if (value === undefined || value === "") {
      if (options.required === true) throw new CredentialConfigError(`environment ${variable ?? name}`, "must be set");
      return undefined;
    }
    if (options.pattern !== undefined && !options.pattern.test(value)) {
      throw new CredentialConfigError(`environment ${variable ?? name}`, `must be ${options.shape ?? `like ${options.pattern.source}`}`);
    }
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new CredentialConfigError(`environment ${this.names[name] ?? name}`, `must be a whole number of seconds from ${min} to ${max}`);
    return n;
  }
}
