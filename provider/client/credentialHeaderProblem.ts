import type { Credentials } from "../model/types";

const FIELDS = [
  ["accessKeyId", "access key id"],
  ["secretAccessKey", "secret key"],
  ["securityToken", "security token"],
] as const;

/**
 * Why `credentials` cannot be sent, or undefined when they can: a key id, secret or token with a
 * line break, another control character, or a character outside Latin-1 cannot go into an HTTP
 * header (Node refuses the request; a secret outside Latin-1 would be signed as other bytes than
 * the service holds). The answer names the field and where it came from, never the value.
 * Pure: no request, no environment.
 */
export function credentialHeaderProblem(credentials: Credentials): string | undefined {
  for (const [field, label] of FIELDS) {
    const value = credentials[field];
    if (value === undefined) continue;
    const what = unsafeCharacter(value);
    if (what === undefined) continue;
    const origin = credentials.source !== undefined ? `the credentials from ${credentials.source}` : "the configured credentials";
    return `the ${label} of ${origin} contains ${what}, which cannot go into an HTTP header`;
  }
  return undefined;
}

function unsafeCharacter(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return "a line break (CR or LF; often left by copying the value)";
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return "a control character";
    if (code > 0xff) return "a character outside Latin-1";
  }
  return undefined;
}
