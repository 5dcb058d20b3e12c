import type { ConfigLookup } from "../../../provider/internal";
import type { LiveLookup } from "../classify";
import type { StacklessFinding } from "../model";
import { compareWithState, recordedLocation } from "./compareWithState";
import type { RuleRead } from "./readLiveRules";
import type { RecordedResource } from "./recordedResources";

/** A stack whose state was read. */
export interface ReadStack {
  readonly name: string;
  readonly resources: readonly RecordedResource[];
  readonly config: ConfigLookup;
  /** Identifies the config's credential and settings keys: stacks configured alike share a client. */
  readonly configFingerprint: string;
}

/** The GETs to send, and the resources that cannot be read at all (no request is sent for them). */
export interface ReadPlan {
  readonly reads: RuleRead[];
  readonly notRead: ReadonlyMap<string, string>;
}

/** The key of one resource of one stack in a plan and in its results. */
export function readKey(stack: string, urn: string): string {
  return `${stack}\u0000${urn}`;
}

/**
 * One GET per recorded resource, at the location a refresh would use, with the settings its
 * provider reads: the stack config for a dynamic resource, its provider's inputs for a plugin
 * resource. Reads configured alike share a client key, across stacks too. Pure.
 */
export function planReads(stacks: readonly ReadStack[]): ReadPlan {
  const reads: RuleRead[] = [];
  const notRead = new Map<string, string>();
  for (const stack of stacks) {
    for (const resource of stack.resources) {
      const key = readKey(stack.name, resource.urn);
      const settings = resource.settings;
      if (settings.kind === "problem") {
        notRead.set(key, settings.problem);
        continue;
      }
      const located = recordedLocation(resource);
      if ("problem" in located) {
        notRead.set(key, located.problem);
        continue;
      }
      reads.push(
        settings.kind === "stack-config"
          ? { key, location: located.location, config: stack.config, clientKey: `stack-config:${stack.configFingerprint}` }
          : { key, location: located.location, config: settings.config.lookup, clientKey: `provider:${settings.fingerprint}` },
      );
    }
  }
  return { reads, notRead };
}

/** Each resource of `stack` compared with what its read found. Pure. */
export function stackFindings(stack: ReadStack, plan: ReadPlan, lookups: ReadonlyMap<string, LiveLookup>): StacklessFinding[] {
  return stack.resources.map((resource) => {
    const key = readKey(stack.name, resource.urn);
    const problem = plan.notRead.get(key);
    const lookup = lookups.get(key);
    if (problem !== undefined) return compareWithState(resource, { notRead: problem });
    return compareWithState(resource, lookup ?? { notRead: "no read was made for this resource" });
  });
}
