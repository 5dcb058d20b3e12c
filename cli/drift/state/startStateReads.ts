import path from "node:path";
import type { OpenedWorkspace } from "../../automation/openWorkspace";
import { commandMessage } from "../../automation/commandMessage";
import { ProgressDisplay } from "../../output/progress";
import { parseConfigOverride } from "../configOverrides";
import type { ReportError } from "../model";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions } from "../options";
import { PulumiNotFoundError } from "../../automation/pulumiNotFound";
import { exportState } from "./exportState";
import type { ReadStack } from "./planReads";
import { readStackState, type StateWorkspace } from "./readStackState";
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
 * the Pulumi CLI run directly (see stateCli.ts): the first reads start at once, before the
 * Automation API's workspace opens (`openWorkspace`, called once they are running). The workspace
 * gives the project's name (for `--config` overrides and the report), shows secrets when the
 * state holds ones the report reads, and its failure (no `pulumi`, one too old) is the run's. A
 * light module: the caller loads the rest of the report once `started` settles, so that the CLI
 * processes run while the client and the renderers load. A stack that cannot be read is
 * recorded with its error; `done` rejects only for the workspace's failure.
 */
export function startStateReads(options: DriftOptions, openWorkspace: () => Promise<OpenedWorkspace>): StartedReads {
  let markStarted = () => undefined as void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = readStacks(options, openWorkspace, markStarted).finally(markStarted);
  return { started, done };
}

/** The project's name and the run's `--config` overrides, keys namespaced. */
interface Overrides {
  readonly project: string;
  readonly map: ReadonlyMap<string, string>;
}

async function readStacks(options: DriftOptions, openWorkspace: () => Promise<OpenedWorkspace>, markStarted: () => void): Promise<StateReads> {
  const workDir = path.resolve(options.cwd);
  const cli = stateCli(workDir);
  const listing = stackNames(cli, options);
  // Opened once the first CLI processes run: loading the Automation API is main-thread work.
  let opening: Promise<OpenedWorkspace> | undefined;
  const opened = (): Promise<OpenedWorkspace> => (opening ??= openWorkspace());
  // Settled with the workspace's answer once the first reads run; each read awaits it last.
  let settleOverrides = (_: Promise<Overrides>) => undefined as void;
  const overrides = new Promise<Overrides>((resolve) => (settleOverrides = resolve));
  const overrideMap = overrides.then((o) => o.map);
  // Awaited by each read after its CLI processes, and below; a read that fails first never does.
  overrides.catch(() => undefined);
  overrideMap.catch(() => undefined);
  // Listing the stacks is a CLI process of its own, already running: the workspace opens beside it.
  if (options.stack.length === 0) void nextTurn().then(() => opened().catch(() => undefined));
  const errors: ReportError[] = [];
  let names: string[] = [];
  try {
    names = await listing;
  } catch (error) {
    // No `pulumi` at all is the workspace's failure, said once below.
    if (!(error instanceof PulumiNotFoundError)) errors.push({ message: commandMessage(error) });
  }
  new ProgressDisplay(process.stderr).line(`drift: reading the state of ${names.length === 1 ? `stack ${names[0] ?? ""}` : `${names.length} stacks`} in ${workDir}`);
  const reader: StateWorkspace = {
    exportStack: (name) => exportState({ cli, exportWithSecrets: async (stack) => (await opened()).workspace.exportStack(stack) }, name, STACK_READ_TIMEOUT_MS),
    getAllConfig: (name) => runJson(cli, ["config", "--show-secrets", "--json", "--stack", name], `reading the config of stack ${name}`, STACK_READ_TIMEOUT_MS),
  };
  const limit = Math.min(STACK_READS_AT_ONCE, options.concurrency ?? DEFAULT_STATE_CONCURRENCY);
  const pending = runPooled(names, limit, async (name): Promise<ReadStack | { name: string; error: string }> => {
    try {
      return { name, ...(await readStackState(reader, name, overrideMap, STACK_READ_TIMEOUT_MS)) };
    } catch (error) {
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
  });
  // The pool starts its tasks in microtasks, each spawning its CLI processes at once: after this
  // turn they all run, and the rest (the Automation API's load first) may take the main thread.
  await nextTurn();
  markStarted();
  settleOverrides(
    opened().then(async ({ workspace }) => {
      const project = (await workspace.projectSettings()).name;
      return { project, map: new Map(options.config.map((text) => parseConfigOverride(text, project)).map((o) => [o.key, o.value] as const)) };
    }),
  );
  const { project } = await overrides;
  return { project, stacks: await pending, errors };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
