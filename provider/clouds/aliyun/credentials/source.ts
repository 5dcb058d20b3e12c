import type * as Library from "@alicloud/credentials";
import type { CredentialsProvider } from "@alicloud/credentials";
import type LibraryCredentials from "@alicloud/credentials/dist/src/credentials";
import type { Session } from "@alicloud/credentials/dist/src/providers/session";
import { readCredentialFile } from "../../../credentials/boundedFile";
import { CredentialCache } from "../../../credentials/CredentialCache";
import type { CredentialSource, IssuedCredentials } from "../../../credentials/CredentialSource";
import type { ConfigLookup } from "../../../credentials/staticConventions";
import type { Surroundings } from "../../../credentials/surroundings";
import { CredentialConfigError } from "../../../errors/CredentialConfigError";
import type { ResourceIdentity } from "../../../model/types";
import { cliProfileTokenFiles } from "./cliProfileFiles";
import { fetchCredentialsUri, type UriSession } from "./credentialsUri";
import type { AliyunBasePlan, AliyunCredentialPlan } from "./plan";
import { planAliyunCredentials } from "./precedence";

/**
 * How long credentials from a source that keeps its own cache (the library's profile providers,
 * whose expiry it does not expose) are reused before that source is asked again. The library
 * renews those 15 minutes before expiry, so a minute is always safe.
 */
export const OPAQUE_SOURCE_RECHECK_MS = 60_000;

function fromSession(session: Session | UriSession, source: string): IssuedCredentials {
  const expiresAt = Date.parse(session.expiration);
  return {
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.accessKeySecret,
    securityToken: session.securityToken,
    source,
    // A session without a readable expiry is re-fetched like an opaque source.
    ...(Number.isNaN(expiresAt) ? { recheckAt: Date.now() + OPAQUE_SOURCE_RECHECK_MS } : { expiresAt }),
  };
}

function fromLibrary(credentials: LibraryCredentials, source: string): IssuedCredentials {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.accessKeySecret,
    ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
    source,
    recheckAt: Date.now() + OPAQUE_SOURCE_RECHECK_MS,
  };
}

// The library's builders throw plain errors for settings they refuse (a disabled profile source,
// a too-short duration): those are configuration errors of the named source.
function buildProvider<T>(name: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new CredentialConfigError(name, error instanceof Error ? error.message : String(error));
  }
}

// The library is loaded when a source needs it, not with the module: it costs about 100 ms to load,
// and key pairs (the common case in CI) never need it.
function library(): typeof Library {
  return require("@alicloud/credentials") as typeof Library;
}

function baseSource(plan: AliyunBasePlan, stsEndpoint: string | undefined): CredentialSource {
  const name = plan.name;
  switch (plan.kind) {
    case "static":
      return { name, fetch: () => Promise.resolve({ ...plan.credentials, source: name }) };
    case "oidc": {
      const provider = buildProvider(name, () => {
        const builder = library().OIDCRoleArnCredentialsProvider.builder()
          .withRoleArn(plan.roleArn)
          .withOIDCProviderArn(plan.oidcProviderArn)
          .withOIDCTokenFilePath(plan.tokenFile)
          .withRoleSessionName(plan.sessionName);
        if (plan.durationSeconds !== undefined) builder.withDurationSeconds(plan.durationSeconds);
        if (plan.policy !== undefined) builder.withPolicy(plan.policy);
        if (stsEndpoint !== undefined) builder.withStsEndpoint(stsEndpoint);
        return builder.build();
      });
      // `refresher` is one exchange with no cache of the library's: ours decides when to renew.
      return {
        name,
        fetch: async () => {
          await checkFile(plan.tokenFile, "the OIDC token file");
          return fromSession(await provider.refresher(), name);
        },
      };
    }
    case "cliProfile": {
      const provider = buildProvider(name, () => {
        const builder = library().CLIProfileCredentialsProvider.builder();
        if (plan.profile !== undefined) builder.withProfileName(plan.profile);
        return builder.build();
      });
      return {
        name,
        fetch: async () => {
          const text = await readCredentialFile(plan.configFile, "~/.aliyun/config.json");
          for (const tokenFile of cliProfileTokenFiles(text, plan.profile)) await checkFile(tokenFile, "the OIDC token file of the profile");
          return fromLibrary(await provider.getCredentials(), name);
        },
      };
    }
    case "sharedFile": {
      const provider = buildProvider(name, () => {
        const builder = library().ProfileCredentialsProvider.builder();
        if (plan.profile !== undefined) builder.withProfileName(plan.profile);
        return builder.build();
      });
      return {
        name,
        fetch: async () => {
          await checkFile(plan.file, "the shared credentials file");
          return fromLibrary(await provider.getCredentials(), name);
        },
      };
    }
    case "ecsRole": {
      const provider = buildProvider(name, () => {
        const builder = library().ECSRAMRoleCredentialsProvider.builder().withDisableIMDSv1(plan.hardened);
        if (plan.roleName !== undefined) builder.withRoleName(plan.roleName);
        return builder.build();
      });
      return { name, fetch: async () => fromSession(await provider.refresher(), name) };
    }
    case "uri":
      // Our own bounded fetch, not the library's provider (see fetchCredentialsUri).
      return { name, fetch: async () => fromSession(await fetchCredentialsUri(plan.uri), name) };
  }
}

// The library reads these files itself, whole and with no deadline; each is read first through the
// bounded reader, which refuses a FIFO, a device or an oversized file, naming it. That check is
// enough: what it guards against is a path that names the wrong kind of file, and the library
// reads the same path an instant later; a file swapped in between takes a writer to the user's
// own home or token directory, who could as well replace the credentials.
async function checkFile(file: string, what: string): Promise<void> {
  await readCredentialFile(file, what);
}

// Lets the library's role assumption sign with our cached base credentials, so the base (itself
// perhaps temporary) is renewed by our cache too.
function libraryProviderFor(cache: CredentialCache): CredentialsProvider {
  return {
    getCredentials: async () => {
      const c = await cache.get();
      const credentials: LibraryCredentials = {
        accessKeyId: c.accessKeyId,
        accessKeySecret: c.secretAccessKey,
        securityToken: c.securityToken ?? "",
        providerName: "pulumi-bucket-encryption",
      };
      return credentials;
    },
    getProviderName: () => "pulumi-bucket-encryption",
  };
}

/**
 * The source a plan describes, built on `@alicloud/credentials`'s providers (the STS protocol,
 * the OIDC token file, the metadata service's token dance, the CLI's profile modes are all the
 * library's), each file the library reads checked first by the bounded reader; the credentials
 * URI is fetched by fetchCredentialsUri. No request is made until `fetch`.
 */
export function aliyunCredentialSource(plan: AliyunCredentialPlan, now: () => number = Date.now): CredentialSource {
  const base = baseSource(plan.base, plan.stsEndpoint);
  const role = plan.assumeRole;
  if (role === undefined) return base;
  const name = `${role.name} (${role.roleArn}) with ${base.name}`;
  const baseCache = new CredentialCache(base, now);
  const provider = buildProvider(role.name, () => {
    const builder = library().RAMRoleARNCredentialsProvider.builder()
      .withCredentialsProvider(libraryProviderFor(baseCache))
      .withRoleArn(role.roleArn)
      .withRoleSessionName(role.sessionName);
    if (role.durationSeconds !== undefined) builder.withDurationSeconds(role.durationSeconds);
    if (role.externalId !== undefined) builder.withExternalId(role.externalId);
    if (role.policy !== undefined) builder.withPolicy(role.policy);
    if (plan.stsEndpoint !== undefined) builder.withStsEndpoint(plan.stsEndpoint);
    return builder.build();
  });
  return { name, fetch: async () => fromSession(await provider.refresher(), name) };
}

/** The configured Alibaba Cloud source, or undefined when none is (no request, no file read). */
export function aliyunCredentials(config: ConfigLookup, env: NodeJS.ProcessEnv, around: Surroundings, identity: ResourceIdentity): CredentialSource | undefined {
  const plan = planAliyunCredentials(config, env, around, identity);
  return plan !== undefined ? aliyunCredentialSource(plan) : undefined;
}
