import path from "node:path";
import type * as Automation from "@pulumi/pulumi/automation";
import { withDeferredModules } from "./deferredModules";
import { isPulumiMissing, PulumiNotFoundError } from "./pulumiNotFound";

/** The Automation API's module. */
export type AutomationApi = typeof Automation;

/** A local workspace over a project directory, with the API it came from. */
export interface OpenedWorkspace {
  readonly api: AutomationApi;
  readonly workspace: Automation.LocalWorkspace;
}

/**
 * A local workspace over the project in `workDir`, driving the `pulumi` on PATH with the
 * process's environment, opened for one short-lived command. Opening one costs a process start
 * twice over: the SDK's module graph and a `pulumi version` run; this overlaps the two and skips
 * the part of the graph a workspace never runs (see {@link closureSerializationModules}). Rejects
 * with PulumiNotFoundError when there is no `pulumi` on PATH.
 */
export async function openWorkspace(workDir: string): Promise<OpenedWorkspace> {
  // The version probe is a child process: started first, it runs while the SDK loads below.
  const { PulumiCommand } = require("@pulumi/pulumi/automation/cmd") as Pick<AutomationApi, "PulumiCommand">;
  const probe = PulumiCommand.get().catch((error: unknown) => {
    throw isPulumiMissing(error) ? new PulumiNotFoundError({ cause: error }) : error;
  });
  // Awaited below; should loading the SDK throw first, the probe's own failure must not go
  // unhandled on top of it.
  probe.catch(() => undefined);
  const api = withDeferredModules(closureSerializationModules(), () => require("@pulumi/pulumi/automation") as AutomationApi);
  const workspace = await api.LocalWorkspace.create({ workDir, pulumiCommand: await probe });
  return { api, workspace };
}

/**
 * The SDK's runtime index loads function serialisation (for inline programs and dynamic
 * providers), whose modules require the TypeScript compiler and npm's arborist at their top:
 * two thirds of the Automation API's load time, for code a workspace never calls. Listed by
 * file so that only these two are deferred; in an SDK layout where one does not resolve, that
 * one loads as usual.
 */
export function closureSerializationModules(): string[] {
  const resolved = (find: () => string): string[] => {
    try {
      return [find()];
    } catch {
      return [];
    }
  };
  return [
    ...resolved(() => require.resolve("@pulumi/pulumi/typescript-shim")),
    ...resolved(() => require.resolve("@npmcli/arborist", { paths: [path.dirname(require.resolve("@pulumi/pulumi/runtime/closure/codePaths"))] })),
  ];
}
