import type { StepEventStateMetadata } from "@pulumi/pulumi/automation";
import { type BucketEncryptionState, checkInputs, isBucketEncryptionType } from "../../provider/internal";
import type { AdoptionPreview, LiveRule, ReportError, StacklessChange, StacklessFinding } from "./model";
import { nameFromUrn, type Observations, type ResourceObservation } from "./observeEvents";
import { parseProviderError } from "./providerError";
import { propertyDrifts, ruleOf, sameRule } from "./rules";


export { BUCKET_ENCRYPTION_TYPE } from "./resourceTypes";

/** What a GET of a bucket's rule found, made by the command (not the engine). */
export type LiveLookup = { readonly rule: LiveRule } | { readonly absent: "no-rule" | "no-bucket" } | { readonly error: ReportError };

/** A bucket whose live rule the command must read itself, and why. */
export interface ProbeRequest {
  readonly urn: string;
  readonly state: BucketEncryptionState;
}

/** Operations that change a resource in place or by replacement: the declaration and the cloud differ. */
const CHANGE_OPS = new Set(["update", "replace", "create-replacement", "delete-replaced", "discard-replaced"]);
/** Operations that change nothing. */
const NO_CHANGE_OPS = new Set(["same", "read", "refresh", "import"]);

type Props = Readonly<Record<string, unknown>>;

/**
 * The buckets whose rule the engine cannot describe: planned creates (was it there already?) and
 * resources the refresh found gone (is the rule or the whole bucket missing?).
 */
export function probesNeeded(observations: Observations): ProbeRequest[] {
  const requests: ProbeRequest[] = [];
  for (const o of observations.resources.values()) {
    if (!isBucketEncryptionType(o.type) || o.errors.length > 0) continue;
    const props = o.step?.op === "create" ? o.step.new?.inputs : isGone(o) ? o.refreshedFrom?.outputs : undefined;
    const state = props !== undefined ? stateOf(props) : undefined;
    if (state !== undefined) requests.push({ urn: o.urn, state });
  }
  return requests;
}

/** One finding per BucketEncryption, and the other resources that would change. Pure. */
export function classify(observations: Observations, lookups: ReadonlyMap<string, LiveLookup>): { resources: StacklessFinding[]; otherChanges: StacklessChange[] } {
  const resources: StacklessFinding[] = [];
  const otherChanges: StacklessChange[] = [];
  for (const o of observations.resources.values()) {
    if (!isBucketEncryptionType(o.type)) {
      const change = otherChange(o);
      if (change !== undefined) otherChanges.push(change);
      continue;
    }
    if (o.step?.op === "delete") {
      // In the stack but no longer in the program: not drift of a declared rule, but a change.
      otherChanges.push({ urn: o.urn, type: o.type, name: nameFromUrn(o.urn), operation: "delete" });
      continue;
    }
    resources.push(classifyOne(o, lookups.get(o.urn)));
  }
  return { resources, otherChanges };
}

function classifyOne(o: ResourceObservation, lookup: LiveLookup | undefined): StacklessFinding {
  const declaredProps = o.step?.new?.inputs ?? o.refreshedFrom?.inputs ?? {};
  const liveProps = o.refreshedTo?.outputs;
  const base = identity(o, declaredProps, o.step !== undefined ? "program" : "state");
  const declared = ruleOf(declaredProps);
  const withDeclared = declared !== undefined ? { ...base, declared } : base;
  const withLive = (props: Props | undefined) => {
    const live = props !== undefined ? ruleOf(props) : undefined;
    return live !== undefined ? { ...withDeclared, live } : withDeclared;
  };

  const firstError = o.errors[0];
  if (firstError !== undefined) return { ...withLive(liveProps), status: "unreadable", error: parseProviderError(firstError) };

  if (o.step !== undefined) {
    const op = o.step.op;
    if (op === "create") return o.refreshedFrom !== undefined ? gone(withDeclared, lookup) : notCreated(withDeclared, declared, lookup);
    if (NO_CHANGE_OPS.has(op)) return { ...withLive(liveProps ?? o.step.new?.outputs), status: "in-sync" };
    if (CHANGE_OPS.has(op)) {
      const live = o.step.old?.outputs ?? liveProps ?? {};
      return { ...withLive(live), status: "drifted", properties: propertyDrifts(live, declaredProps) };
    }
    return { ...withDeclared, status: "unreadable", error: { message: `the engine planned an unexpected operation: ${op}` } };
  }

  // The preview stopped before the program ran: compare what the refresh read with the last deployed inputs.
  if (!o.refreshDone) {
    return { ...withDeclared, status: "unreadable", error: { message: "not read: the preview stopped before this resource was refreshed (see the other errors)" } };
  }
  if (liveProps === undefined) return gone(withDeclared, lookup);
  const properties = propertyDrifts(liveProps, declaredProps);
  return properties.length === 0 ? { ...withLive(liveProps), status: "in-sync" } : { ...withLive(liveProps), status: "drifted", properties };
}

type Partial = Omit<StacklessFinding, "status">;

function gone(base: Partial, lookup: LiveLookup | undefined): StacklessFinding {
  if (lookup !== undefined && "error" in lookup) return { ...base, status: "unreadable", error: lookup.error };
  if (lookup !== undefined && "absent" in lookup && lookup.absent === "no-bucket") return { ...base, status: "bucket-missing" };
  // The refresh found no rule; a rule seen again by the later GET was put back in between.
  return { ...base, status: "rule-missing", ...(lookup !== undefined && "rule" in lookup ? { live: lookup.rule } : {}) };
}

function notCreated(base: Partial, declared: LiveRule | undefined, lookup: LiveLookup | undefined): StacklessFinding {
  let adoption: AdoptionPreview;
  if (lookup === undefined || "error" in lookup) adoption = { bucket: "unknown", wouldReplace: false };
  else if ("rule" in lookup) adoption = { bucket: "rule", liveRule: lookup.rule, wouldReplace: declared === undefined || !sameRule(lookup.rule, declared) };
  else adoption = { bucket: lookup.absent, wouldReplace: false };
  const withLive = adoption.liveRule !== undefined ? { ...base, live: adoption.liveRule } : base;
  const error = lookup !== undefined && "error" in lookup ? { error: lookup.error } : {};
  return { ...withLive, status: "not-created", adoption, ...error };
}

function identity(o: ResourceObservation, declared: Props, comparedWith: "program" | "state"): Partial {
  const state: StepEventStateMetadata | undefined = o.step?.new ?? o.refreshedFrom;
  const text = (key: string) => {
    const value = declared[key];
    return typeof value === "string" ? value : undefined;
  };
  const cloud = text("cloud");
  const region = text("region");
  const bucket = text("bucket");
  const id = state?.id !== undefined && state.id !== "" ? state.id : cloud !== undefined && region !== undefined && bucket !== undefined ? `${cloud}:${region}:${bucket}` : undefined;
  return {
    urn: o.urn,
    name: nameFromUrn(o.urn),
    ...(id !== undefined ? { id } : {}),
    ...(cloud !== undefined ? { cloud } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(bucket !== undefined ? { bucket } : {}),
    comparedWith,
  };
}

function otherChange(o: ResourceObservation): StacklessChange | undefined {
  // Providers change whenever stack config does; they hold no infrastructure.
  if (o.type.startsWith("pulumi:providers:") || o.type === "pulumi:pulumi:Stack") return undefined;
  const op = o.step?.op ?? (o.refreshDone && o.refreshedTo === undefined ? "delete" : undefined);
  if (op === undefined || NO_CHANGE_OPS.has(op)) return undefined;
  return { urn: o.urn, type: o.type, name: nameFromUrn(o.urn), operation: op };
}

function isGone(o: ResourceObservation): boolean {
  return o.refreshDone && o.refreshedTo === undefined && o.refreshedFrom !== undefined;
}

function stateOf(props: Props): BucketEncryptionState | undefined {
  const { __provider: _engine, ...rest } = props;
  return checkInputs(rest).state;
}
