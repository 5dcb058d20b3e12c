import { openWorkspace } from "../automation/openWorkspace";
import { isBucketEncryptionType } from "../../provider/internal";

/** What a stack already declares: BucketEncryption ids, and every resource name it uses. */
export interface Declared {
  readonly ids: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

interface StateResource {
  readonly urn?: unknown;
  readonly type?: unknown;
  readonly id?: unknown;
}

/**
 * The BucketEncryption ids (of either resource type) in an exported deployment (`stack export`'s `deployment`), and the
 * names of all its resources (so new resource names never collide). Pure.
 */
export function declaredInDeployment(deployment: unknown): Declared {
  const resources = (deployment as { resources?: unknown } | undefined)?.resources;
  const ids = new Set<string>();
  const names = new Set<string>();
  if (!Array.isArray(resources)) return { ids, names };
  for (const resource of resources as StateResource[]) {
    if (typeof resource.urn === "string") names.add(resource.urn.slice(resource.urn.lastIndexOf("::") + 2));
    if (isBucketEncryptionType(resource.type) && typeof resource.id === "string") ids.add(resource.id);
  }
  return { ids, names };
}

/**
 * What stack `stackName` of the project in `workDir` declares, read through the Automation API's
 * stack export (the state itself, never the CLI's text output). Needs the Pulumi CLI on PATH and
 * the backend the project uses (PULUMI_BACKEND_URL or a login).
 */
export async function declaredInStack(stackName: string, workDir: string): Promise<Declared> {
  const { workspace } = await openWorkspace(workDir);
  const exported = await workspace.exportStack(stackName);
  return declaredInDeployment(exported.deployment);
}
