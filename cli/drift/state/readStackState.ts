import { commandMessage } from "../../automation/commandMessage";
import type { ConfigLookup } from "../../../provider/internal";
import { BUCKET_ENCRYPTION_TYPE } from "../resourceTypes";
import { fingerprint } from "./fingerprint";
import { isProviderKey } from "./providerNamespaces";
import { type RecordedResource, recordedResources } from "./recordedResources";

/** One stack as its state and config recorded it. */
export interface StackState {
  readonly resources: readonly RecordedResource[];
  /** The stack's config (secrets decrypted), with the run's overrides; what dynamic resources read. */
  readonly config: ConfigLookup;
  /** A digest of the config keys the provider reads (credentials, request settings). */
  readonly configFingerprint: string;
}

/** The reads this needs: a stack's export and its config as `pulumi config --json` gives it (stand-ins in tests). */
export interface StateWorkspace {
  exportStack(name: string): Promise<unknown>;
  getAllConfig(name: string): Promise<unknown>;
}

/**
 * Reads stack `name`'s state and config: `stack export` (see exportState.ts for when it shows
 * secrets) and `config`, both read-only and started together; the run's `--config` overrides
 * (which need the project's name) are awaited after them. Nothing is selected and nothing
 * written. The config is needed only by dynamic resources: when there are none, its failure is
 * no failure. Rejects, with the CLI's own message, when the state (or a config that is needed)
 * cannot be read, or when either takes longer than `timeoutMs`.
 */
export async function readStackState(
  workspace: StateWorkspace,
  name: string,
  overrides: ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>,
  timeoutMs: number,
): Promise<StackState> {
  const exported = bounded(workspace.exportStack(name), timeoutMs, `reading the state of stack ${name}`);
  const config = bounded(workspace.getAllConfig(name), timeoutMs, `reading the config of stack ${name}`);
  // Awaited below only when needed; it must not go unhandled when it is not.
  config.catch(() => undefined);
  const resources = recordedResources(await cliResult(exported));
  const values = new Map<string, string>();
  if (resources.some((r) => r.type === BUCKET_ENCRYPTION_TYPE)) {
    for (const [key, value] of configValues(await cliResult(config))) values.set(key, value);
  }
  for (const [key, value] of await overrides) values.set(key, value);
  const read = [...values].filter(([key]) => isProviderKey(key));
  return { resources, config: (key) => values.get(key), configFingerprint: fingerprint(read) };
}

// `pulumi config --json`: `{ key: { value, secret, objectValue? } }`; `value` is the string the
// program reads (structured values as JSON). Anything else in it is not a value.
function configValues(config: unknown): Array<[string, string]> {
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new Error("the stack's config is not an object of values");
  return Object.entries(config).flatMap(([key, entry]: [string, unknown]) => {
    const value = typeof entry === "object" && entry !== null ? (entry as { value?: unknown }).value : undefined;
    return typeof value === "string" ? [[key, value] as [string, string]] : [];
  });
}

// The CLI's failure as its own error lines, not the API's whole transcript.
async function cliResult<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    throw new Error(commandMessage(error), { cause: error });
  }
}

function bounded<T>(pending: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}
