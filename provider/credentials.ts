import { CredentialsError } from "./errors/CredentialsError";
import type { Cloud, Credentials } from "./model";

/** Reads one stack-config value by its namespaced key (`alicloud:accessKey`); undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;

/** The names of one convention's access key id, secret and (optional) security token. */
interface Convention {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}

// Stack config keys match the established Pulumi providers for each cloud.
const CONFIG: Readonly<Record<Cloud, Convention>> = {
  aliyun: { id: "alicloud:accessKey", secret: "alicloud:secretKey", token: "alicloud:securityToken" },
  jdcloud: { id: "jdcloud:accessKey", secret: "jdcloud:secretKey", token: "jdcloud:securityToken" },
};

// Environment conventions in order of preference: the cloud's CLI, Terraform/Pulumi, the OSS SDK.
const ENVIRONMENT: Readonly<Record<Cloud, readonly Convention[]>> = {
  aliyun: [
    { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token: "ALIBABA_CLOUD_SECURITY_TOKEN" },
    { id: "ALICLOUD_ACCESS_KEY", secret: "ALICLOUD_SECRET_KEY", token: "ALICLOUD_SECURITY_TOKEN" },
    { id: "OSS_ACCESS_KEY_ID", secret: "OSS_ACCESS_KEY_SECRET", token: "OSS_SESSION_TOKEN" },
  ],
  jdcloud: [
    { id: "JDCLOUD_ACCESS_KEY", secret: "JDCLOUD_SECRET_KEY", token: "JDCLOUD_SESSION_TOKEN" },
    { id: "JDCLOUD_ACCESS_KEY_ID", secret: "JDCLOUD_ACCESS_KEY_SECRET" },
  ],
};

function fromConvention(lookup: ConfigLookup, names: Convention, origin: string): Credentials | undefined {
  const id = lookup(names.id);
  const secret = lookup(names.secret);
  if (id === undefined || id === "" || secret === undefined || secret === "") return undefined;
  const token = names.token !== undefined ? lookup(names.token) : undefined;
  return {
    accessKeyId: id,
    secretAccessKey: secret,
    ...(token !== undefined && token !== "" ? { securityToken: token } : {}),
    source: `${origin} ${names.id}`,
  };
}

/**
 * The credentials for `cloud`: stack config first, then the environment. An id and its secret
 * always come from the same convention, never one from each. Throws CredentialsError, naming
 * both ways to provide them, when none is complete.
 */
export function resolveCredentials(cloud: Cloud, config: ConfigLookup, env: NodeJS.ProcessEnv): Credentials {
  const found =
    fromConvention(config, CONFIG[cloud], "stack config") ??
    ENVIRONMENT[cloud].map((names) => fromConvention((k) => env[k], names, "environment")).find((c) => c !== undefined);
  if (found !== undefined) return found;
  const primaryEnv = ENVIRONMENT[cloud][0];
  throw new CredentialsError(
    cloud,
    [CONFIG[cloud].id, CONFIG[cloud].secret],
    primaryEnv !== undefined ? [primaryEnv.id, primaryEnv.secret] : [],
  );
}
