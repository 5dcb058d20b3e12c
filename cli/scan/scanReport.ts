import type { ServiceTarget } from "../../provider/internal";
import type { BucketStatus } from "../fleet/bucketStatus";
import { targetId } from "../fleet/bucketStatus";
import { toCsv } from "../fleet/csv";
import { displayText, MAX_DISPLAY_MESSAGE } from "../output/inert/displayText";
import { inertJson } from "../output/inert/jsonText";
import { headedTable } from "../output/textTable";
import { EXIT, type ExitCode } from "../exitCodes";

/** One bucket in the report. `declared` is absent when no stack was compared. */
export interface ScanRow {
  readonly cloud: string;
  readonly region: string;
  readonly bucket: string;
  readonly status: "encrypted" | "unencrypted" | "missing" | "error";
  readonly sseAlgorithm?: string;
  readonly kmsMasterKeyId?: string;
  readonly kmsDataEncryption?: string;
  readonly declared?: boolean;
  readonly error?: string;
}

/** A region whose buckets could not be listed. */
export interface ListingFailure {
  readonly target: ServiceTarget;
  readonly error: string;
}

/** The whole scan. */
export interface ScanReport {
  readonly rows: readonly ScanRow[];
  readonly listingFailures: readonly ListingFailure[];
}

/** The report row for a bucket read, with whether the stack declares it (`undefined`: not compared). */
export function scanRow(status: BucketStatus, declared: ReadonlySet<string> | undefined): ScanRow {
  const { target, finding } = status;
  const base = {
    cloud: target.cloud,
    region: target.region,
    bucket: target.bucket,
    ...(declared !== undefined ? { declared: declared.has(targetId(target)) } : {}),
  };
  switch (finding.kind) {
    case "encrypted":
      return {
        ...base,
        status: "encrypted",
        sseAlgorithm: finding.rule.sseAlgorithm,
        ...(finding.rule.kmsMasterKeyId !== undefined ? { kmsMasterKeyId: finding.rule.kmsMasterKeyId } : {}),
        ...(finding.rule.kmsDataEncryption !== undefined ? { kmsDataEncryption: finding.rule.kmsDataEncryption } : {}),
      };
    case "unencrypted":
      return { ...base, status: "unencrypted" };
    case "missing":
      // Listed, then gone before its rule was read.
      return { ...base, status: "missing", error: `the bucket no longer exists (${finding.code})` };
    case "error":
      return { ...base, status: "error", error: finding.message };
  }
}

/**
 * 1 when the scan is incomplete (a region not listed, a bucket not read), else 2 when a bucket
 * lacks the rule, else 0. An incomplete scan cannot promise "every bucket encrypted", so it is an
 * error even when it also found unencrypted buckets.
 */
export function scanExitCode(report: ScanReport): ExitCode {
  if (report.listingFailures.length > 0 || report.rows.some((r) => r.status === "error")) return EXIT.error;
  return report.rows.some((r) => r.status === "unencrypted") ? EXIT.finding : EXIT.ok;
}

const COLUMNS = ["cloud", "region", "bucket", "status", "sseAlgorithm", "kmsMasterKeyId", "kmsDataEncryption", "declared", "error"] as const;

function cells(row: ScanRow): string[] {
  return COLUMNS.map((c) => {
    const value = row[c];
    if (c === "declared") return value === undefined ? "" : value === true ? "yes" : "no";
    return typeof value === "string" ? value : "";
  });
}

/** The report as CSV, one row per bucket (listing failures go to stderr, not into the rows); fields neutralised by `toCsv`. */
export function scanCsv(report: ScanReport): string {
  return toCsv(COLUMNS, report.rows.map(cells));
}

/** The report as JSON: every bucket, every listing failure and the counts, values whole but escaped for a terminal. */
export function scanJson(report: ScanReport): string {
  return `${inertJson({ summary: scanSummary(report), buckets: report.rows, listingFailures: report.listingFailures })}\n`;
}

// The table keeps errors short; JSON and CSV carry the whole message.
const MAX_TABLE_ERROR = 120;

/** The report as a text table with a summary line; every value through the display sanitiser. */
export function scanTable(report: ScanReport): string {
  const shown = report.rows.map((r) => cells(r).map((v, i) => displayText(v, COLUMNS[i] === "error" ? MAX_TABLE_ERROR : undefined)));
  const failures = report.listingFailures
    .map((f) => `listing ${displayText(f.target.cloud)}:${displayText(f.target.region)} failed: ${displayText(f.error, MAX_DISPLAY_MESSAGE)}\n`)
    .join("");
  const s = scanSummary(report);
  return `${headedTable(COLUMNS, shown)}${failures}\n${s.buckets} buckets: ${s.encrypted} encrypted, ${s.unencrypted} without a rule, ${s.errors} not read${s.undeclared !== undefined ? `; ${s.undeclared} not declared in the stack` : ""}\n`;
}

/** Counts for the summary. */
export function scanSummary(report: ScanReport): { buckets: number; encrypted: number; unencrypted: number; errors: number; undeclared?: number } {
  const count = (status: ScanRow["status"]) => report.rows.filter((r) => r.status === status).length;
  const compared = report.rows.some((r) => r.declared !== undefined);
  return {
    buckets: report.rows.length,
    encrypted: count("encrypted"),
    unencrypted: count("unencrypted"),
    errors: count("error") + count("missing"),
    ...(compared ? { undeclared: report.rows.filter((r) => r.declared === false).length } : {}),
  };
}
