import type { DriftOptions } from "../options";
import { runJson, type StateCli } from "./stateCli";

/** How long listing the project's stacks may take (as long as reading one stack). */
const LIST_TIMEOUT_MS = 5 * 60_000;

/** The stacks asked for, each once, in order: `--stack`s, every stack (`--all-stacks`), or the selected one. */
export async function stackNames(cli: StateCli, options: Pick<DriftOptions, "stack" | "allStacks">): Promise<string[]> {
  if (options.stack.length > 0) return [...new Set(options.stack)];
  const stacks = listedStacks(await runJson(cli, ["stack", "ls", "--json"], `listing the stacks of ${cli.workDir}`, LIST_TIMEOUT_MS));
  if (options.allStacks) return [...new Set(stacks.map((s) => s.name))];
  const selected = stacks.find((s) => s.current)?.name;
  if (selected === undefined) throw new Error(`no stack selected in ${cli.workDir}: pass --stack <name> or --all-stacks`);
  return [selected];
}

// `pulumi stack ls --json`: `[{ name, current, … }]`; an entry without a name is not a stack.
function listedStacks(listed: unknown): Array<{ name: string; current: boolean }> {
  if (!Array.isArray(listed)) throw new Error("the stack list of `pulumi stack ls --json` is not a list");
  return listed.flatMap((entry: unknown) => {
    const { name, current } = (typeof entry === "object" && entry !== null ? entry : {}) as { name?: unknown; current?: unknown };
    return typeof name === "string" ? [{ name, current: current === true }] : [];
  });
}
