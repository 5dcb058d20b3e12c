import { existsSync } from "node:fs";
import os from "node:os";
import { aliyunCredentialSource } from "./clouds/aliyun/credentialSource";
import { ALIYUN_CONFIG, ALIYUN_ENV_KEYS, planAliyunCredentials } from "./clouds/aliyun/credentials";
import { JDCLOUD_CONFIG, JDCLOUD_ENV_KEYS, jdcloudCredentialSource, planJdcloudCredentials } from "./clouds/jdcloud/credentials";
import type { CredentialSource } from "./credentials/CredentialSource";
import type { ConfigLookup } from "./credentials/staticConventions";
import { CredentialsError } from "./errors/CredentialsError";
import type { Cloud } from "./model";

export type { ConfigLookup } from "./credentials/staticConventions";

/** What credential planning may look at besides config and environment. */
export interface Surroundings {
  readonly fileExists: (file: string) => boolean;
  readonly homeDir: string;
}

/** The real file system and home directory (the one `@alicloud/credentials` reads too). */
export function realSurroundings(): Surroundings {
  return { fileExists: existsSync, homeDir: os.homedir() };
}

function noneConfigured(cloud: Cloud): CredentialsError {
  const [keys, env] = cloud === "aliyun" ? [ALIYUN_CONFIG.keys, ALIYUN_ENV_KEYS[0]] : [JDCLOUD_CONFIG.keys, JDCLOUD_ENV_KEYS[0]];
  return new CredentialsError(cloud, [keys.id, keys.secret], env !== undefined ? [env.id, env.secret] : []);
}

/**
 * The credential source for `cloud`, decided from stack config, the environment and which
 * profile files exist, with no request (so `check` can call it at preview). The precedence of
 * each cloud lives in its `clouds/<cloud>/credentials.ts`. Throws CredentialsError when nothing
 * is configured and CredentialConfigError when a configured source is malformed.
 */
export function credentialSourceFor(cloud: Cloud, config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings = realSurroundings()): CredentialSource {
  if (cloud === "aliyun") {
    const plan = planAliyunCredentials(config, env, around);
    if (plan === undefined) throw noneConfigured(cloud);
    return aliyunCredentialSource(plan);
  }
  const plan = planJdcloudCredentials(config, env, around);
  if (plan === undefined) throw noneConfigured(cloud);
  return jdcloudCredentialSource(plan);
}
