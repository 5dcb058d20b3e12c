import { randomBytes } from "node:crypto";
import { accessKeyIdOf } from "../emulator/ossEmulator";
import { assumeRoleWithPolicy } from "./minioSts";
import { emulatorTarget, minioTarget, type Target } from "./targets";

/** Credentials as the provider's `aliyun` / `jdcloud` object takes them. */
export interface Identity {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
}

/**
 * A server the provider plugin is driven against, with identities to hand out: the main one,
 * rotations of a key pair, and accounts whose buckets only their own keys may use.
 */
export interface PluginCloud {
  readonly label: string;
  readonly target: Target;
  /** The identity the stack's default provider signs with. */
  readonly main: Identity;
  /** Another key pair of the same identity (a rotation); both work until {@link PluginCloud.retire}. */
  rotate(identity: Identity): Promise<Identity>;
  /** Refuses `identity` from now on, where the server can (the emulator; MinIO cannot revoke a session). */
  retire(identity: Identity): void;
  /** Creates `bucket` and an identity that alone may use its encryption API. */
  account(name: string, bucket: string): Promise<Identity>;
  /** PUT and DELETE requests that reached `bucket`'s encryption API so far. */
  writes(bucket: string): number;
  /** The access key ids that signed `bucket`'s encryption requests, where the server shows them (undefined: MinIO behind its proxy). */
  signers(bucket: string): string[] | undefined;
  /** Every secret handed out so far (secret keys and tokens), for the secrets check. */
  readonly secrets: readonly string[];
  stop(): Promise<void>;
}

/** The Aliyun dialect on the emulator: accounts are the emulator's, keys are added and revoked at will. */
export async function emulatorCloud(): Promise<PluginCloud> {
  const main = { accessKeyId: `LTAI-plugin-main-${hex(6)}`, secretAccessKey: `plugin-main-${hex(12)}` };
  const target = await emulatorTarget("aliyun on the emulator", main);
  const { emulator } = target;
  const secrets: string[] = [main.secretAccessKey];
  const accountOf = new Map<string, string | undefined>([[main.accessKeyId, undefined]]);
  const issue = (account: string | undefined, label: string): Identity => {
    const key = { accessKeyId: `LTAI-${label}-${hex(6)}`, secretAccessKey: `plugin-${label}-${hex(12)}` };
    emulator.addKey(account !== undefined ? { ...key, account } : key);
    accountOf.set(key.accessKeyId, account);
    secrets.push(key.secretAccessKey);
    return { accessKey: key.accessKeyId, secretKey: key.secretAccessKey };
  };
  return {
    label: target.name,
    target,
    main: { accessKey: main.accessKeyId, secretKey: main.secretAccessKey },
    rotate: (identity) => Promise.resolve(issue(accountOf.get(identity.accessKey), "Rotated")),
    retire: (identity) => emulator.revokeKey(identity.accessKey),
    account: (name, bucket) => {
      emulator.createBucket(bucket, target.region, name);
      return Promise.resolve(issue(name, "Account"));
    },
    writes: (bucket) => emulator.requestsTo(bucket).filter((r) => r.method === "PUT" || r.method === "DELETE").length,
    signers: (bucket) => [...new Set(emulator.requestsTo(bucket).map((r) => accessKeyIdOf(r.headers["authorization"] ?? "") ?? "(unsigned)"))],
    secrets,
    stop: () => target.stop(),
  };
}

/** The JD Cloud (S3) dialect on MinIO: identities are STS sessions of the root user, each limited by its session policy. */
export async function minioCloud(minioBinary: string): Promise<PluginCloud> {
  const target = await minioTarget(minioBinary);
  const secrets: string[] = [target.secretAccessKey];
  const policyOf = new Map<string, object>();
  const session = async (policy: object): Promise<Identity> => {
    const credentials = await assumeRoleWithPolicy(target.minio, policy);
    policyOf.set(credentials.accessKeyId, policy);
    secrets.push(credentials.secretAccessKey, credentials.sessionToken);
    return { accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey, securityToken: credentials.sessionToken };
  };
  return {
    label: target.name,
    target,
    main: { accessKey: target.accessKeyId, secretKey: target.secretAccessKey },
    // The root user's rotation is a session with the root's own rights; a session's, another with its policy.
    rotate: (identity) => session(policyOf.get(identity.accessKey) ?? allow("*")),
    retire: () => undefined,
    account: async (_name, bucket) => {
      await target.createBucket(bucket);
      return session(allow(bucket));
    },
    writes: (bucket) => target.proxy.requestsTo(bucket).filter((r) => r.method === "PUT" || r.method === "DELETE").length,
    signers: () => undefined,
    secrets,
    stop: () => target.stop(),
  };
}

// A session policy allowing everything on one bucket (or on all, with "*").
function allow(bucket: string): object {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:*"], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }] };
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}
