import path from "node:path";
import { commandMessage } from "../../automation/commandMessage";
import { PulumiNotFoundError } from "../../automation/pulumiNotFound";
import { ProgressDisplay } from "../../output/progress";
import { parseConfigOverride } from "../configOverrides";
import type { ReportError } from "../model";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions } from "../options";
import { exportState } from "./exportState";
import type { ReadStack } from "./planReads";
import { configFromFiles } from "./configFromFiles";
import { type ProjectSettings, readProject } from "./projectFiles";
import type * as ReadStackState from "./readStackState";
import { stackNames } from "./stackNames";
import { runJson, stateCli } from "./stateCli";
import { runPooled } from "./workerPool";

/** Stacks whose state is read at once: each read is two Pulumi CLI processes. */
const STACK_READS_AT_ONCE = 4;
/** How long reading one stack's state or config may take. */
const STACK_READ_TIMEOUT_MS = 5 * 60_000;

/** Every stack asked for, read or not, and what stopped the list itself. */
export interface StateReads {
  readonly project: string;
  readonly stacks: ReadonlyArray<ReadStack | { readonly name: string; readonly error: string }>;
  /** Errors tied to no stack: the stacks could not be listed, none is selected. */
  readonly errors: readonly ReportError[];
}

/** The stacks' reads under way. */
export interface StartedReads {
  /** Settles once the first reads' CLI processes are running (or nothing is left to start). */
  readonly started: Promise<void>;
  readonly done: Promise<StateReads>;
}

/**
 * Reads the state and config of every stack `options` names, at most a few stacks at once, with
 * the Pulumi CLI's read-only commands (see stateCli.ts), and the project's name from its project
 * file. A light module: the caller loads the rest of the report once `started` settles, so that
 * the CLI processes run while the client and the renderers load. A stack that cannot be read is
 * recorded with its error; `done` rejects only when there is no `pulumi` at all (said once, not
 * per stack) or no project.
 */
export function startStateReads(options: DriftOptions): StartedReads {
  let markStarted = () => undefined as void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = readStacks(options, markStarted).finally(markStarted);
  return { started, done };
}

async function readStacks(options: DriftOptions, markStarted: () => void): Promise<StateReads> {
  const workDir = path.resolve(options.cwd);
  const cli = stateCli(workDir);
  const listing = stackNames(cli, options);
  // Read once the first CLI processes run (below); each read awaits the overrides after them.
  let settleProject = (_: Promise<ProjectSettings>) => undefined as void;
  const project = new Promise<ProjectSettings>((resolve) => (settleProject = resolve));
  const overrides = project.then(({ name }) => new Map(options.config.map((text) => parseConfigOverride(text, name)).map((o) => [o.key, o.value] as const)));
  // The files when they are the CLI's whole answer for the provider's keys, else the CLI.
  const configOf = async (name: string): Promise<unknown> =>
    (await configFromFiles(workDir, name, await project, process.env)) ??
    runJson(cli, ["config", "--show-secrets", "--json", "--stack", name], `reading the config of stack ${name}`, STACK_READ_TIMEOUT_MS);
  // Awaited by each read after its CLI processes, and below; a read that fails first never does.
  project.catch(() => undefined);
  overrides.catch(() => undefined);
  const errors: ReportError[] = [];
  let missing: PulumiNotFoundError | undefined;
  let names: string[] = [];
  try {
    names = await listing;
  } catch (error) {
    missing = pulumiMissing(error);
    if (missing === undefined) errors.push({ message: commandMessage(error) });
  }
  new ProgressDisplay(process.stderr).line(`drift: reading the state of ${names.length === 1 ? `stack ${names[0] ?? ""}` : `${names.length} stacks`} in ${workDir}`);
  const limit = Math.min(STACK_READS_AT_ONCE, options.concurrency ?? DEFAULT_STATE_CONCURRENCY);
  const pending = runPooled(names, limit, async (name): Promise<ReadStack | { name: string; error: string }> => {
    // The export's CLI process first; then the config, and what reads both, loaded while it runs.
    const exported = exportState(cli, name, STACK_READ_TIMEOUT_MS);
    const config = configOf(name);
    config.catch(() => undefined);
    try {
      const { readStackState } = require("./readStackState") as typeof ReadStackState;
      return { name, ...(await readStackState({ exportStack: () => exported, getAllConfig: () => config }, name, overrides, STACK_READ_TIMEOUT_MS)) };
    } catch (error) {
      missing ??= pulumiMissing(error);
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
  });
  // The pool starts its tasks in microtasks, each spawning its CLI processes at once: after this
  // turn they all run, and the rest of the report may load on the main thread.
  await new Promise((resolve) => setImmediate(resolve));
  settleProject(readProject(workDir));
  markStarted();
  const stacks = await pending;
  // No `pulumi` at all is one error for the run, not one per stack.
  if (missing !== undefined) throw missing;
  return { project: (await project).name, stacks, errors };
}

// The CLI's absence among the first causes a read's error carries (a cycle of causes ends too).
function pulumiMissing(error: unknown): PulumiNotFoundError | undefined {
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++, e = e.cause) if (e instanceof PulumiNotFoundError) return e;
  return undefined;
}
