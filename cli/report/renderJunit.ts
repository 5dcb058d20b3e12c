import { XMLBuilder } from "fast-xml-parser";
import { findingDetail, propertyDrift, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceFinding } from "../drift/model";
import { xmlAttribute, xmlText } from "../output/inert/xmlText";

/**
 * The report as JUnit XML: one test suite for the stack, one test case per resource (BucketEncryption
 * or other change), a `<failure>` per drifted property (or per missing rule/bucket/pending create),
 * an `<error>` for a resource that could not be read. CI systems render this format natively.
 * Every attribute and text goes through the XML sanitiser (`inert/xmlText`): the builder is told
 * not to escape again, and the file is XML 1.0 that strict parsers accept, whatever the values.
 */
export function renderJunit(report: DriftReport): string {
  const cases: TestCase[] = [...report.resources.map(resourceCase), ...report.otherChanges.map((c) => testCase(`${c.type} ${c.name}`, `drift.${report.stack}.other`, {
    failure: [problem(c.operation, `${c.operation} planned`, c.urn)],
  })), ...report.errors.map((e, i) => testCase(`preview error ${i + 1}`, `drift.${report.stack}`, {
    error: [problem(e.code ?? "error", e.message, e.message)],
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
        "@_name": xmlAttribute(`drift ${report.project}/${report.stack}`),
        "@_tests": cases.length,
        "@_failures": failures,
        "@_errors": errors,
        "@_skipped": 0,
        "@_time": seconds(report.durationMs),
        "@_timestamp": xmlAttribute(report.generatedAt),
        testcase: cases,
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, processEntities: false });
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

/** A `<testcase>` with its name and class escaped; `problems` hold escaped values already. */
function testCase(name: string, classname: string, problems: Pick<TestCase, "failure" | "error"> = {}): TestCase {
  return { "@_name": xmlAttribute(name), "@_classname": xmlAttribute(classname), ...problems };
}

/** A `<failure>` or `<error>` with its values escaped. */
function problem(type: string, message: string, text: string): Problem {
  return { "@_type": xmlAttribute(type), "@_message": xmlAttribute(message), "#text": xmlText(text) };
}

function resourceCase(r: ResourceFinding): TestCase {
  const name = r.id !== undefined ? `${r.name} (${r.id})` : r.name;
  const classname = "drift.BucketEncryption";
  switch (r.status) {
    case "in-sync":
      return testCase(name, classname);
    case "drifted":
      return testCase(name, classname, { failure: (r.properties ?? []).map((p) => problem("drifted", propertyDrift(p), findingDetail(r))) });
    case "unreadable":
      return testCase(name, classname, { error: [problem(r.error?.code ?? "unreadable", r.error?.message ?? STATUS_LABELS[r.status], findingDetail(r))] });
    case "rule-missing":
    case "bucket-missing":
    case "not-created":
      return testCase(name, classname, { failure: [problem(r.status, STATUS_LABELS[r.status], findingDetail(r))] });
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
