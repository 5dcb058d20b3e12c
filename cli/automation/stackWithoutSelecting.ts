import type * as Automation from "@pulumi/pulumi/automation";
import type { AutomationApi } from "./openWorkspace";

/**
 * Stack `name` of `workspace`, without `pulumi stack select`. The API's `Stack.select` runs it,
 * which changes the stack the user's own `pulumi` commands use in that directory (a setting in
 * PULUMI_HOME) and costs a CLI run; every operation of the returned stack passes `--stack`
 * itself, and fails naming the stack when there is none.
 */
export function stackWithoutSelecting(api: AutomationApi, workspace: Automation.Workspace, name: string): Promise<Automation.Stack> {
  // The workspace itself, seen through an object whose only own property is a selectStack that
  // does nothing: every other member (getters included) resolves on the workspace.
  const view = Object.create(workspace, { selectStack: { value: () => Promise.resolve() } }) as Automation.Workspace;
  return api.Stack.select(name, view);
}
