import type { SettingFields } from "../../../credentials/structuredConfig";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import { RAM_NAMES } from "../names";
import { DEFAULT_SESSION_NAME, SESSION_DURATION_SECONDS } from "./conventions";
import type { OidcPlan } from "./plan";

/** The fields of an OIDC role assumption, by the names stack config uses. */
export const OIDC_FIELDS = ["roleArn", "oidcProviderArn", "oidcTokenFile", "roleSessionName", "sessionExpiration", "policy"] as const;

/**
 * An OIDC role assumption from its fields, wherever they are written (stack config's object, or
 * the environment's variables): one parser, so both places accept and refuse the same values.
 * The token file must be there at preview: CI writes it, ACK mounts it, before the program runs.
 */
export function readOidc(name: string, fields: SettingFields, around: Surroundings): OidcPlan {
  const roleArn = fields.string("roleArn", { required: true, ...RAM_NAMES.roleArn });
  const oidcProviderArn = fields.string("oidcProviderArn", { required: true, ...RAM_NAMES.oidcProviderArn });
  const sessionName = fields.string("roleSessionName", RAM_NAMES.sessionName) ?? DEFAULT_SESSION_NAME;
  const durationSeconds = fields.integer("sessionExpiration", ...SESSION_DURATION_SECONDS);
  const policy = fields.string("policy");
  const tokenFile = fields.string("oidcTokenFile", { required: true });
  if (!around.fileExists(tokenFile)) throw new CredentialConfigError(name, `names the OIDC token file ${tokenFile}, which does not exist`);
  return {
    kind: "oidc",
    name,
    roleArn,
    oidcProviderArn,
    tokenFile,
    sessionName,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
}
