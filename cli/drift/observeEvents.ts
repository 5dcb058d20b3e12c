import type { EngineEvent, StepEventMetadata, StepEventStateMetadata } from "@pulumi/pulumi/automation";

/** What the engine said about one resource during a refresh preview. */
export interface ResourceObservation {
  readonly urn: string;
  readonly type: string;
  /** The state before the refresh (absent: the resource is not in the stack). */
  refreshedFrom?: StepEventStateMetadata;
  /** Whether the refresh step finished, and what it read (absent after a finished refresh: gone). */
  refreshDone: boolean;
  refreshedTo?: StepEventStateMetadata;
  /** The program's step after the refresh: `same`, `create`, `update`, `replace`, `delete`, … */
  step?: { readonly op: string; readonly old?: StepEventStateMetadata; readonly new?: StepEventStateMetadata };
  /** Error diagnostics the engine tied to this resource. */
  readonly errors: string[];
}

/** Everything gathered from one preview's events. */
export interface Observations {
  readonly resources: Map<string, ResourceObservation>;
  /** Error diagnostics tied to no resource (the program, the engine). */
  readonly errors: string[];
  /** The summary event's result, when one arrived (`succeeded`, `failed`). */
  result?: string;
}

/** An empty set of observations, to fold events into. */
export function newObservations(): Observations {
  return { resources: new Map(), errors: [] };
}

// Steps that change nothing: a refresh (recorded separately), reads and no-ops.
const REFRESH_OP = "refresh";

/**
 * Folds one engine event into `into`. Pure apart from mutating `into`, so it can be driven by a
 * table of recorded events in tests and by the live event stream in the command.
 */
export function observeEvent(into: Observations, event: EngineEvent): void {
  const step = event.resOutputsEvent?.metadata ?? event.resourcePreEvent?.metadata;
  if (step !== undefined) {
    observeStep(into, step, event.resOutputsEvent !== undefined);
    return;
  }
  const diagnostic = event.diagnosticEvent;
  if (diagnostic !== undefined && diagnostic.severity === "error") {
    const message = diagnostic.message.trim();
    if (diagnostic.urn !== undefined && diagnostic.urn !== "") entry(into, diagnostic.urn, undefined).errors.push(message);
    else into.errors.push(message);
    return;
  }
  const failed = event.resOpFailedEvent?.metadata;
  if (failed !== undefined) {
    entry(into, failed.urn, failed.type);
    return;
  }
  if (event.summaryEvent !== undefined) {
    const result = (event.summaryEvent as { result?: unknown }).result;
    if (typeof result === "string") into.result = result;
  }
}

function observeStep(into: Observations, step: StepEventMetadata, finished: boolean): void {
  const observation = entry(into, step.urn, step.type);
  // The event log writes an absent state as null, whatever the type declarations say.
  const old = step.old ?? undefined;
  const next = step.new ?? undefined;
  if (step.op === REFRESH_OP) {
    if (old !== undefined) observation.refreshedFrom = old;
    if (finished) {
      observation.refreshDone = true;
      if (next !== undefined) observation.refreshedTo = next;
      else delete observation.refreshedTo;
    }
    return;
  }
  // The outputs event carries the final view of the step; the pre event is kept until it comes.
  if (finished || observation.step === undefined) {
    observation.step = { op: step.op, ...(old !== undefined ? { old } : {}), ...(next !== undefined ? { new: next } : {}) };
  }
}

function entry(into: Observations, urn: string, type: string | undefined): ResourceObservation {
  let found = into.resources.get(urn);
  if (found === undefined) {
    found = { urn, type: type ?? typeFromUrn(urn), refreshDone: false, errors: [] };
    into.resources.set(urn, found);
  }
  return found;
}

/** The type token inside a URN (`urn:pulumi:stack::project::<type>::<name>`). */
export function typeFromUrn(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return qualified.split("$").pop() ?? qualified;
}

/** The resource's name, the last part of its URN. */
export function nameFromUrn(urn: string): string {
  return urn.split("::").pop() ?? urn;
}
