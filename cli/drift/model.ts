/**
 * The drift report, version 1: what `drift` found for every BucketEncryption of one stack or of
 * several. This is the shape `--format json` writes and `schema/drift-report.v1.json` describes;
 * renderers read it and nothing else.
 */

/** The JSON schema's `$id`, which every report carries as `schema` so a reader can tell which version it holds. */
export const REPORT_SCHEMA_ID = "urn:pulumi-bucket-encryption:drift-report:1";

/** The report's format version: bumped when a field changes meaning or is removed. */
export const REPORT_VERSION = 1;

/** How one BucketEncryption compares with the cloud. */
export type ResourceStatus =
  /** The live rule is the declared one. */
  | "in-sync"
  /** The bucket holds another rule: see `properties`. */
  | "drifted"
  /** The resource is in the stack, but the bucket holds no rule any more. */
  | "rule-missing"
  /** The resource is in the stack, but the bucket is gone. */
  | "bucket-missing"
  /** Declared but never deployed: `up` would create it (see `adoption`). */
  | "not-created"
  /** The rule could not be read or compared: see `error`. */
  | "unreadable";

/** A rule as a bucket holds it, in the package's vocabulary. */
export interface LiveRule {
  readonly sseAlgorithm: string;
  readonly kmsMasterKeyId?: string;
  readonly kmsDataEncryption?: string;
}

/** One property whose declared and live values differ. Absent values are `null`. */
export interface PropertyDrift {
  readonly property: string;
  readonly declared: string | null;
  readonly live: string | null;
}

/** What `up` would do to a bucket that is not in the stack yet. */
export interface AdoptionPreview {
  /** `rule`: the bucket holds `liveRule`; `no-rule`: it holds none; `no-bucket`: it does not exist. */
  readonly bucket: "rule" | "no-rule" | "no-bucket" | "unknown";
  /** The rule the bucket holds now, which `up` would replace. */
  readonly liveRule?: LiveRule;
  /** True when the bucket holds a rule that differs from the declared one. */
  readonly wouldReplace: boolean;
}

/** An error from a cloud (or the engine) that stopped a resource being read. */
export interface ReportError {
  readonly message: string;
  /** The stack it belongs to, for an error tied to one stack but to none of its resources (its state could not be read). */
  readonly stack?: string;
  readonly httpStatus?: number;
  /** The service's error code (`AccessDenied`, `SignatureDoesNotMatch`, …). */
  readonly code?: string;
  readonly requestId?: string;
}

/** One BucketEncryption in the report. */
export interface ResourceFinding {
  /** The stack the resource belongs to. */
  readonly stack: string;
  readonly urn: string;
  /** The resource's name in the program. */
  readonly name: string;
  /** `<cloud>:<region>:<bucket>`, when known. */
  readonly id?: string;
  readonly cloud?: string;
  readonly region?: string;
  readonly bucket?: string;
  readonly status: ResourceStatus;
  /** For `drifted`: each property that differs. */
  readonly properties?: readonly PropertyDrift[];
  /** The declared rule. */
  readonly declared?: LiveRule;
  /** The rule the bucket holds, when it was read. */
  readonly live?: LiveRule;
  /** For `not-created`. */
  readonly adoption?: AdoptionPreview;
  /** For `unreadable`. */
  readonly error?: ReportError;
  /**
   * `program` when compared with the program's declaration; `state` when compared with what the
   * stack's state recorded at the last deployment: always with `--source state`, and in program
   * mode when the preview stopped before the program ran (another resource failed).
   */
  readonly comparedWith: "program" | "state";
}

/** A finding before it is placed in its stack (what the classifiers produce). */
export type StacklessFinding = Omit<ResourceFinding, "stack">;

/**
 * What the declared side of a report is: `program`, the program run in a refresh preview;
 * `state`, the rules the stacks' state recorded at their last deployment (no program runs).
 */
export type DriftSource = "program" | "state";

/** A resource of another type that the preview would change. */
export interface OtherChange {
  /** The stack the resource belongs to. */
  readonly stack: string;
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** The engine's operation: `create`, `update`, `delete`, `replace`, … */
  readonly operation: string;
}

/** The overall verdict, which decides the exit code. */
export type ReportOutcome = "in-sync" | "drift" | "error";

/** Counts per status, for summaries. */
export type StatusCounts = Readonly<Record<ResourceStatus, number>>;

/** A resource change before it is placed in its stack. */
export type StacklessChange = Omit<OtherChange, "stack">;

/** The counts of a report or of one of its stacks. */
export type ReportCounts = StatusCounts & { readonly total: number; readonly otherChanges: number };

/** One stack's verdict within the report. */
export interface StackSummary {
  readonly name: string;
  readonly outcome: ReportOutcome;
  readonly exitCode: 0 | 1 | 2;
  readonly counts: ReportCounts;
}

/** The whole report. */
export interface DriftReport {
  readonly schema: typeof REPORT_SCHEMA_ID;
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly project: string;
  /** The stack, when the report covers exactly one; a report over several names them in `stacks`. */
  readonly stack?: string;
  /** What the live rules were compared with (see DriftSource). */
  readonly source: DriftSource;
  /** Every stack the report covers, in the order they were asked for, each with its own verdict. */
  readonly stacks: readonly StackSummary[];
  /** ISO 8601 time the report was made. */
  readonly generatedAt: string;
  readonly durationMs: number;
  readonly outcome: ReportOutcome;
  /** 0 in sync, 2 drift, 1 error (see cli/exitCodes.ts). */
  readonly exitCode: 0 | 1 | 2;
  readonly counts: ReportCounts;
  readonly resources: readonly ResourceFinding[];
  readonly otherChanges: readonly OtherChange[];
  /** Errors not tied to one BucketEncryption (the program, the engine, the backend, a stack's state). */
  readonly errors: readonly ReportError[];
}

/** Every status, in the order reports list them (worst first). */
export const STATUSES: readonly ResourceStatus[] = ["unreadable", "drifted", "rule-missing", "bucket-missing", "not-created", "in-sync"];
