import { XMLBuilder } from "fast-xml-parser";
import { findingDetail, propertyDriftText, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceFinding } from "../drift/model";
import { type StackGroup, stackGroups } from "./stackGroups";

/**
 * The report as JUnit XML: one test suite per stack, one test case per resource (BucketEncryption
 * or other change), a `<failure>` per drifted property (or per missing rule/bucket/pending create),
 * an `<error>` for a resource that could not be read and for each error of the stack (its state
 * could not be read, the preview failed). Errors tied to no stack get a suite named after the
 * project. CI systems render this format natively.
 */
export function renderJunit(report: DriftReport): string {
  const suites = stackGroups(report).map((group) => suite(report, group));
  const total = (key: "@_tests" | "@_failures" | "@_errors") => suites.reduce((n, s) => n + s[key], 0);
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": "pulumi-bucket-encryption drift",
      "@_tests": total("@_tests"),
      "@_failures": total("@_failures"),
      "@_errors": total("@_errors"),
      "@_time": seconds(report.durationMs),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, processEntities: true });
  return String(builder.build(document));
}

function suite(report: DriftReport, group: StackGroup) {
  const stack = group.summary?.name;
  const classname = stack !== undefined ? `drift.${stack}` : "drift";
  const cases: TestCase[] = [...group.resources.map(resourceCase), ...group.otherChanges.map((c) => ({
    "@_name": `${c.type} ${c.name}`,
    "@_classname": `${classname}.other`,
    failure: [{ "@_type": c.operation, "@_message": `${c.operation} planned`, "#text": c.urn }],
  })), ...group.errors.map((e, i) => ({
    "@_name": `${report.source === "state" ? "state" : "preview"} error ${i + 1}`,
    "@_classname": classname,
    error: [{ "@_type": e.code ?? "error", "@_message": e.message, "#text": e.message }],
  }))];
  const failures = cases.reduce((n, c) => n + (c.failure?.length ?? 0), 0);
  const errors = cases.reduce((n, c) => n + (c.error?.length ?? 0), 0);
  return {
    "@_name": stack !== undefined ? `drift ${report.project}/${stack}` : `drift ${report.project}`,
    "@_tests": cases.length,
    "@_failures": failures,
    "@_errors": errors,
    "@_skipped": 0,
    // Stacks are read side by side: the report's duration is each suite's too.
    "@_time": seconds(report.durationMs),
    "@_timestamp": report.generatedAt,
    testcase: cases,
  };
}

/** One `<failure>` or `<error>`: attributes and text, as fast-xml-parser's builder takes them. */
interface Problem {
  readonly "@_type": string;
  readonly "@_message": string;
  readonly "#text": string;
}

interface TestCase {
  readonly "@_name": string;
  readonly "@_classname": string;
  readonly failure?: Problem[];
  readonly error?: Problem[];
}

function resourceCase(r: ResourceFinding): TestCase {
  const base = { "@_name": r.id !== undefined ? `${r.name} (${r.id})` : r.name, "@_classname": `drift.BucketEncryption` };
  switch (r.status) {
    case "in-sync":
      return base;
    case "drifted":
      return {
        ...base,
        failure: (r.properties ?? []).map((p) => ({
          "@_type": "drifted",
          "@_message": propertyDriftText(r, p),
          "#text": findingDetail(r),
        })),
      };
    case "unreadable":
      return { ...base, error: [{ "@_type": r.error?.code ?? "unreadable", "@_message": r.error?.message ?? STATUS_LABELS[r.status], "#text": findingDetail(r) }] };
    case "rule-missing":
    case "bucket-missing":
    case "not-created":
      return { ...base, failure: [{ "@_type": r.status, "@_message": STATUS_LABELS[r.status], "#text": findingDetail(r) }] };
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
