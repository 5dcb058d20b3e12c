import { XMLBuilder } from "fast-xml-parser";
import { findingDetail, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceFinding } from "../drift/model";

/**
 * The report as JUnit XML: one test suite for the stack, one test case per resource (BucketEncryption
 * or other change), a `<failure>` per drifted property (or per missing rule/bucket/pending create),
 * an `<error>` for a resource that could not be read. CI systems render this format natively.
 */
export function renderJunit(report: DriftReport): string {
  const cases: TestCase[] = [...report.resources.map(resourceCase), ...report.otherChanges.map((c) => ({
    "@_name": `${c.type} ${c.name}`,
    "@_classname": `drift.${report.stack}.other`,
    failure: [{ "@_type": c.operation, "@_message": `${c.operation} planned`, "#text": c.urn }],
  })), ...report.errors.map((e, i) => ({
    "@_name": `preview error ${i + 1}`,
    "@_classname": `drift.${report.stack}`,
    error: [{ "@_type": e.code ?? "error", "@_message": e.message, "#text": e.message }],
  }))];
  const failures = cases.reduce((n, c) => n + (c.failure?.length ?? 0), 0);
  const errors = cases.reduce((n, c) => n + (c.error?.length ?? 0), 0);
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": "pulumi-bucket-encryption drift",
      "@_tests": cases.length,
      "@_failures": failures,
      "@_errors": errors,
      "@_time": seconds(report.durationMs),
      testsuite: {
        "@_name": `drift ${report.project}/${report.stack}`,
        "@_tests": cases.length,
        "@_failures": failures,
        "@_errors": errors,
        "@_skipped": 0,
        "@_time": seconds(report.durationMs),
        "@_timestamp": report.generatedAt,
        testcase: cases,
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, processEntities: true });
  return String(builder.build(document));
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
          "@_message": `${p.property}: declared ${p.declared ?? "(none)"}, live ${p.live ?? "(none)"}`,
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
