import path from "node:path";
import { isMapping, parseYaml, type ProjectSettings, readOptionalFile } from "./projectFiles";
import { isProviderKey } from "./providerNamespaces";

/** Backends whose stacks keep their config in the project's files only (no cloud stack config). */
const FILE_CONFIG_BACKENDS = /^(file|s3|gs|azblob):\/\//;

/** The provider's config keys of one stack, shaped as `pulumi config --json` gives them. */
export type ConfigAnswer = Readonly<Record<string, { readonly value: string }>>;

/**
 * The provider's keys (see providerNamespaces.ts) of stack `stack`'s config, read from the files
 * when they are provably all the `pulumi config --show-secrets --json` process would answer for
 * those keys, else undefined (ask the CLI). Saves a Pulumi CLI process (about a third of a second
 * of CPU) per stack. The files are the whole answer only when:
 * - the backend is a self-managed one (`PULUMI_BACKEND_URL`, else the project's `backend.url`:
 *   `file://`, `s3://`, `gs://`, `azblob://`): Pulumi Cloud may keep a stack's config in the cloud
 *   and ignore the local file;
 * - the project file is `Pulumi.yaml` with no `stackConfigDir`, and its own `config` names none of
 *   the provider's keys;
 * - the stack file `Pulumi.<stack>.yaml` is absent (an empty config) or a mapping with no
 *   `environment` (ESC imports), no merge key, and every provider key in its `config` a plain
 *   string: a `secure` value, a number or a structured value is the CLI's to render.
 * Anything unreadable is the CLI's to report. Never throws.
 */
export async function configFromFiles(workDir: string, stack: string, project: ProjectSettings, env: NodeJS.ProcessEnv): Promise<ConfigAnswer | undefined> {
  try {
    const backend = env["PULUMI_BACKEND_URL"] ?? backendOf(project.settings);
    if (backend === undefined || !FILE_CONFIG_BACKENDS.test(backend)) return undefined;
    if (path.basename(project.file) !== "Pulumi.yaml" || "stackConfigDir" in project.settings) return undefined;
    if (!namesNoProviderKey(project.settings["config"])) return undefined;
    const short = stack.split("/").pop() ?? stack;
    for (const other of ["yml", "json"]) if ((await readOptionalFile(path.join(workDir, `Pulumi.${short}.${other}`), "the stack file")) !== undefined) return undefined;
    const text = await readOptionalFile(path.join(workDir, `Pulumi.${short}.yaml`), "the stack file");
    if (text === undefined) return {};
    const settings = parseYaml(text);
    if (settings === undefined || "environment" in settings) return undefined;
    return plainProviderValues(settings["config"]);
  } catch {
    return undefined;
  }
}

function backendOf(settings: Readonly<Record<string, unknown>>): string | undefined {
  const backend = settings["backend"];
  const url = isMapping(backend) ? backend["url"] : undefined;
  return typeof url === "string" ? url : undefined;
}

function namesNoProviderKey(config: unknown): boolean {
  if (config === undefined || config === null) return true;
  return isMapping(config) && !Object.keys(config).some((key) => isProviderKey(key) || key === "<<");
}

function plainProviderValues(config: unknown): ConfigAnswer | undefined {
  if (config === undefined || config === null) return {};
  if (!isMapping(config) || "<<" in config) return undefined;
  const answer: Record<string, { value: string }> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!isProviderKey(key)) continue;
    if (typeof value !== "string") return undefined;
    answer[key] = { value };
  }
  return answer;
}
