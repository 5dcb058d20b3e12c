import path from "node:path";
import type { OpenedWorkspace } from "../../automation/openWorkspace";
import { commandMessage } from "../../automation/commandMessage";
import { ProgressDisplay } from "../../output/progress";
import { parseConfigOverride } from "../configOverrides";
import type { ReportError } from "../model";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions } from "../options";
import { exportState } from "./exportState";
import type { ReadStack } from "./planReads";
import { readStackState } from "./readStackState";
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
 * Reads the state and config of every stack `options` names, through the Automation API's
 * workspace (`opened`, still opening), at most a few stacks at once. A light module: the caller
 * loads the rest of the report once `started` settles, so that the CLI processes run while the
 * client and the renderers load. A stack that cannot be read is recorded with its error; `done`
 * never rejects for one.
 */
export function startStateReads(options: DriftOptions, opened: Promise<OpenedWorkspace>): StartedReads {
  let markStarted = () => undefined as void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = readStacks(options, opened, markStarted).finally(markStarted);
  return { started, done };
}

async function readStacks(options: DriftOptions, opened: Promise<OpenedWorkspace>, markStarted: () => void): Promise<StateReads> {
  const workDir = path.resolve(options.cwd);
  const { workspace } = await opened;
  const project = (await workspace.projectSettings()).name;
  const overrides = new Map(options.config.map((text) => parseConfigOverride(text, project)).map((o) => [o.key, o.value] as const));
  const errors: ReportError[] = [];
  let names: string[] = [];
  try {
    names = await stackNames(workspace, options, workDir);
  } catch (error) {
    errors.push({ message: commandMessage(error) });
  }
  new ProgressDisplay(process.stderr).line(`drift: reading the state of ${names.length === 1 ? `stack ${names[0] ?? ""}` : `${names.length} stacks`} in ${workDir}`);
  const reader = { exportStack: (name: string) => exportState(workspace, name, STACK_READ_TIMEOUT_MS), getAllConfig: (name: string) => workspace.getAllConfig(name) };
  const limit = Math.min(STACK_READS_AT_ONCE, options.concurrency ?? DEFAULT_STATE_CONCURRENCY);
  const pending = runPooled(names, limit, async (name): Promise<ReadStack | { name: string; error: string }> => {
    try {
      return { name, ...(await readStackState(reader, name, overrides, STACK_READ_TIMEOUT_MS)) };
    } catch (error) {
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
  });
  // The pool has started its first reads (their processes are spawned synchronously).
  markStarted();
  return { project, stacks: await pending, errors };
}

/** The stacks asked for, each once, in order: `--stack`s, every stack (`--all-stacks`), or the selected one. */
async function stackNames(workspace: OpenedWorkspace["workspace"], options: DriftOptions, workDir: string): Promise<string[]> {
  if (options.allStacks) return [...new Set((await workspace.listStacks()).map((s) => s.name))];
  if (options.stack.length > 0) return [...new Set(options.stack)];
  const selected = (await workspace.stack())?.name;
  if (selected === undefined) throw new Error(`no stack selected in ${workDir}: pass --stack <name> or --all-stacks`);
  return [selected];
}
