import { closureSerializationModules, openWorkspace } from "../cli/automation/openWorkspace";
import { withDeferredModules } from "../cli/automation/deferredModules";
import { stackWithoutSelecting } from "../cli/automation/stackWithoutSelecting";

// One phase of the drift report's start, timed in a fresh process, for bench/driftReport.ts:
//   load plain|deferred      require the Automation API as is, or as `drift` loads it;
//   preview <dir> <stack>    open a workspace as `drift` does (seconds since this process began)
//                            and run its refresh preview (seconds of the preview alone).
// Prints one JSON object on stdout.

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main(): Promise<void> {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === "load") {
    const start = process.hrtime.bigint();
    if (first === "deferred") withDeferredModules(closureSerializationModules(), () => require("@pulumi/pulumi/automation") as unknown);
    else require("@pulumi/pulumi/automation");
    process.stdout.write(JSON.stringify({ loadSeconds: since(start) }));
    return;
  }
  if (mode === "preview" && first !== undefined && second !== undefined) {
    const { api, workspace } = await openWorkspace(first);
    // Process start, as the CLI's own start counts it: Node's boot included.
    const openSeconds = process.uptime();
    const stack = await stackWithoutSelecting(api, workspace, second);
    const start = process.hrtime.bigint();
    await stack.preview({ refresh: true, color: "never", suppressProgress: true, onEvent: () => undefined });
    process.stdout.write(JSON.stringify({ openSeconds, previewSeconds: since(start) }));
    return;
  }
  throw new Error("usage: automationPhases.js load plain|deferred | preview <dir> <stack>");
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
