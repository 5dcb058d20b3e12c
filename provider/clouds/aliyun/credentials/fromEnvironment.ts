import path from "node:path";
import { fromEnvironment } from "../../../credentials/staticConventions";
import { EnvironmentFields } from "../../../credentials/structuredConfig";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import { checkedName, checkedUri, cliConfigFile } from "./checks";
import { ALIYUN_CREDENTIALS, ALIYUN_ENV } from "./conventions";
import { readOidc } from "./oidc";
import type { AliyunBasePlan, OidcPlan } from "./plan";

// The OIDC fields the environment carries (no duration or policy there), by variable.
const OIDC_VARIABLES = {
  roleArn: ALIYUN_ENV.roleArn,
  oidcProviderArn: ALIYUN_ENV.oidcProviderArn,
  oidcTokenFile: ALIYUN_ENV.oidcTokenFile,
  roleSessionName: ALIYUN_ENV.roleSessionName,
} as const;

function oidcFromEnvironment(env: NodeJS.ProcessEnv, around: Surroundings): OidcPlan | undefined {
  const names = [ALIYUN_ENV.roleArn, ALIYUN_ENV.oidcProviderArn, ALIYUN_ENV.oidcTokenFile] as const;
  const set = names.filter((n) => (env[n] ?? "") !== "");
  // ALIBABA_CLOUD_ROLE_ARN alone is not OIDC (the library also reads it for plain role assumption).
  if (set.length === 0 || (set.length === 1 && set[0] === ALIYUN_ENV.roleArn)) return undefined;
  if (set.length < names.length) {
    throw new CredentialConfigError(`environment ${set.join(", ")}`, `is an incomplete OIDC setting: also set ${names.filter((n) => !set.includes(n)).join(" and ")}`);
  }
  return readOidc(`environment ${ALIYUN_ENV.oidcTokenFile}`, new EnvironmentFields(env, OIDC_VARIABLES), around);
}

/** The base identity from the environment and the home directory, in `@alicloud/credentials`'s order. */
export function baseFromEnvironment(env: NodeJS.ProcessEnv, around: Surroundings): AliyunBasePlan | undefined {
  const keys = fromEnvironment(env, ALIYUN_CREDENTIALS.environment);
  if (keys !== undefined) return { kind: "static", name: keys.source ?? "environment", credentials: keys };
  const oidc = oidcFromEnvironment(env, around);
  if (oidc !== undefined) return oidc;
  const profile = checkedName("profile", env[ALIYUN_ENV.profile], `environment ${ALIYUN_ENV.profile}`);
  if (env[ALIYUN_ENV.cliProfileDisabled]?.toLowerCase() !== "true" && around.fileExists(cliConfigFile(around))) {
    return {
      kind: "cliProfile",
      name: profile !== undefined ? `environment ${ALIYUN_ENV.profile} (profile "${profile}" of ~/.aliyun/config.json)` : "the current profile of ~/.aliyun/config.json",
      configFile: cliConfigFile(around),
      ...(profile !== undefined ? { profile } : {}),
    };
  }
  const sharedFile = env[ALIYUN_ENV.credentialsFile] ?? path.join(around.homeDir, ".alibabacloud", "credentials");
  if (around.fileExists(sharedFile)) {
    return { kind: "sharedFile", name: `the shared credentials file ${sharedFile}${profile !== undefined ? ` (profile "${profile}")` : ""}`, file: sharedFile, ...(profile !== undefined ? { profile } : {}) };
  }
  if (profile !== undefined) throw new CredentialConfigError(`environment ${ALIYUN_ENV.profile}`, `names profile "${profile}" but neither ~/.aliyun/config.json nor ${sharedFile} exists`);
  const roleName = checkedName("ecsRoleName", env[ALIYUN_ENV.ecsMetadata], `environment ${ALIYUN_ENV.ecsMetadata}`);
  if (roleName !== undefined) {
    return { kind: "ecsRole", name: `environment ${ALIYUN_ENV.ecsMetadata}`, roleName, hardened: env[ALIYUN_ENV.imdsV1Disabled]?.toLowerCase() === "true" };
  }
  const uri = checkedUri(env[ALIYUN_ENV.credentialsUri], `environment ${ALIYUN_ENV.credentialsUri}`);
  if (uri !== undefined) return { kind: "uri", name: `environment ${ALIYUN_ENV.credentialsUri}`, uri };
  return undefined;
}
