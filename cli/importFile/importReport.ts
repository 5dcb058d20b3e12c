import type { BucketStatus } from "../fleet/bucketStatus";
import { targetId } from "../fleet/bucketStatus";
import { displayText } from "../output/inert/displayText";
import { inertJson } from "../output/inert/jsonText";
import { headedTable } from "../output/textTable";

/** What became of one bucket asked for import. */
export interface ImportOutcome {
  readonly id: string;
  /** `imported`; or why not: `no-rule`, `no-bucket`, `not-declarable`, `error`. */
  readonly result: "imported" | "no-rule" | "no-bucket" | "not-declarable" | "error";
  /** The resource name in the import file, when imported. */
  readonly name?: string;
  readonly detail: string;
}

/** The outcome for a bucket read, given its name (when imported) or why it could not be declared. */
export function importOutcome(status: BucketStatus, name: string | undefined, problem: string | undefined): ImportOutcome {
  const id = targetId(status.target);
  const finding = status.finding;
  switch (finding.kind) {
    case "encrypted": {
      const rule = [finding.rule.sseAlgorithm, finding.rule.kmsMasterKeyId, finding.rule.kmsDataEncryption].filter((v) => v !== undefined).join(" ");
      if (problem !== undefined) return { id, result: "not-declarable", detail: `live rule ${rule} cannot be declared: ${problem}` };
      return { id, result: "imported", ...(name !== undefined ? { name } : {}), detail: rule };
    }
    case "unencrypted":
      return { id, result: "no-rule", detail: `no rule to import (${finding.code}); declare one and run pulumi up` };
    case "missing":
      return { id, result: "no-bucket", detail: `the bucket does not exist (${finding.code})` };
    case "error":
      return { id, result: "error", detail: finding.message };
  }
}

/** The report as a text table; every value through the display sanitiser (the detail, a message, up to the cell bound). */
export function importReportTable(outcomes: readonly ImportOutcome[]): string {
  return headedTable(["bucket", "result", "name", "detail"], outcomes.map((o) => [displayText(o.id), o.result, displayText(o.name ?? ""), o.detail]));
}

/** The report as JSON, values whole but escaped for a terminal. */
export function importReportJson(outcomes: readonly ImportOutcome[]): string {
  return `${inertJson({ buckets: outcomes })}\n`;
}
