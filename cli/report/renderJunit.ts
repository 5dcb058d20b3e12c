import { XMLBuilder } from "fast-xml-parser";
import { findingDetail, propertyDrift, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceFinding } from "../drift/model";
import { xmlAttribute, xmlText } from "../output/inert/xmlText";
import { type StackGroup, stackGroups } from "./stackGroups";

/**
 * The report as JUnit XML: one test suite per stack, one test case per resource (BucketEncryption
 * or other change), a `<failure>` per drifted property (or per missing rule/bucket/pending create),
 * an `<error>` for a resource that could not be read and for each error of the stack (its state
 * could not be read, the preview failed). Errors tied to no stack get a suite named after the
 * project. CI systems render this format natively. Every attribute and text goes through the XML
 * sanitiser (`inert/xmlText`): the builder is told not to escape again, and the file is XML 1.0
 * that strict parsers accept, whatever the values.
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
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, processEntities: false });
  return String(builder.build(document));
}

function suite(report: DriftReport, group: StackGroup) {
  const stack = group.summary?.name;
  const classname = stack !== undefined ? `drift.${stack}` : "drift";
  const cases: TestCase[] = [
    ...group.resources.map(resourceCase),
    ...group.otherChanges.map((c) => testCase(`${c.type} ${c.name}`, `${classname}.other`, { failure: [problem(c.operation, `${c.operation} planned`, c.urn)] })),
    ...group.errors.map((e, i) => testCase(`${report.source === "state" ? "state" : "preview"} error ${i + 1}`, classname, { error: [problem(e.code ?? "error", e.message, e.message)] })),
  ];
  const failures = cases.reduce((n, c) => n + (c.failure?.length ?? 0), 0);
  const errors = cases.reduce((n, c) => n + (c.error?.length ?? 0), 0);
  return {
    "@_name": xmlAttribute(stack !== undefined ? `drift ${report.project}/${stack}` : `drift ${report.project}`),
    "@_tests": cases.length,
    "@_failures": failures,
    "@_errors": errors,
    "@_skipped": 0,
    // Stacks are read side by side: the report's duration is each suite's too.
    "@_time": seconds(report.durationMs),
    "@_timestamp": xmlAttribute(report.generatedAt),
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
      return testCase(name, classname, { failure: (r.properties ?? []).map((p) => problem("drifted", propertyDrift(r, p), findingDetail(r))) });
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
