import type { ConfigLookup } from "../../../credentials/staticConventions";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import type { ResourceIdentity } from "../../../model/types";
import { cliConfigFile, requireCliFile } from "./checks";
import { DEFAULT_SESSION_NAME } from "./conventions";
import { assumeRoleFromConfig, baseFromConfig, stsEndpointFromConfig } from "./fromConfig";
import { baseFromEnvironment } from "./fromEnvironment";
import type { AliyunBasePlan, AliyunCredentialPlan, AssumeRolePlan } from "./plan";

/** A resource's `profile` input: a profile of `~/.aliyun/config.json`, before any stack source. */
function baseFromResource(identity: ResourceIdentity, around: Surroundings): AliyunBasePlan | undefined {
  if (identity.profile === undefined) return undefined;
  requireCliFile(around, "input profile", identity.profile);
  return { kind: "cliProfile", name: `input profile "${identity.profile}" (of ~/.aliyun/config.json)`, configFile: cliConfigFile(around), profile: identity.profile };
}

/** A resource's `roleArn` input; the stack's assumeRole lends its duration. */
function assumeRoleFromResource(identity: ResourceIdentity, stack: AssumeRolePlan | undefined): AssumeRolePlan | undefined {
  if (identity.roleArn === undefined) return undefined;
  return {
    name: "input roleArn",
    roleArn: identity.roleArn,
    sessionName: identity.roleSessionName ?? stack?.sessionName ?? DEFAULT_SESSION_NAME,
    ...(stack?.durationSeconds !== undefined ? { durationSeconds: stack.durationSeconds } : {}),
    ...(identity.externalId !== undefined ? { externalId: identity.externalId } : {}),
  };
}

/**
 * Alibaba Cloud's credential precedence, the one place it is decided. The first source that is
 * configured wins, and a configured source that later fails is an error naming it, never a
 * fall-through to another identity:
 *
 * 1. stack config `alicloud:accessKey`/`secretKey`/`securityToken`;
 * 2. stack config `alicloud:assumeRoleWithOidc`;
 * 3. stack config `alicloud:profile` (a profile of `~/.aliyun/config.json`);
 * 4. stack config `alicloud:ecsRoleName` (instance metadata, hardened mode);
 * 5. stack config `alicloud:credentialsUri`;
 * 6. the environment, in `@alicloud/credentials`'s order: key pairs (ALIBABA_CLOUD_*, ALICLOUD_*,
 *    OSS_*), OIDC (ALIBABA_CLOUD_ROLE_ARN + _OIDC_PROVIDER_ARN + _OIDC_TOKEN_FILE), the CLI's
 *    `~/.aliyun/config.json` (ALIBABA_CLOUD_PROFILE or its current profile), the shared
 *    credentials file, ALIBABA_CLOUD_ECS_METADATA, ALIBABA_CLOUD_CREDENTIALS_URI.
 *
 * "Stack config" is whatever `config` reads: the stack's own for the dynamic resource, an
 * explicit provider's `aliyun` object for the provider plugin. `alicloud:assumeRole` then assumes
 * its role with whichever base identity was found. A resource's own `profile` input replaces the
 * base identity, and its `roleArn` (with `roleSessionName`, `externalId`) replaces
 * `alicloud:assumeRole`. No request and no file read happen here (only whether a file exists),
 * so `check` can call it at preview. Returns undefined when nothing is configured; throws
 * CredentialConfigError when a configured source is malformed.
 */
export function planAliyunCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity = {}): AliyunCredentialPlan | undefined {
  const base = baseFromResource(identity, around) ?? baseFromConfig(config, around) ?? baseFromEnvironment(env, around);
  const stackRole = assumeRoleFromConfig(config);
  const assumeRole = assumeRoleFromResource(identity, stackRole) ?? stackRole;
  const stsEndpoint = stsEndpointFromConfig(config);
  if (base === undefined) {
    if (assumeRole !== undefined) throw new CredentialConfigError(assumeRole.name, "needs credentials to assume the role with; none are configured");
    return undefined;
  }
  return { base, ...(assumeRole !== undefined ? { assumeRole } : {}), ...(stsEndpoint !== undefined ? { stsEndpoint } : {}) };
}
