import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import ts from "typescript";
import { renderDeclarations } from "../../cli/importFile/declarations";
import type { BucketEncryptionState } from "../../provider/model/types";
import { firstUnseen, HOSTILE_VALUES, hostileString } from "../support/hostileValues";

// The declarations `import` and `scan --import` write are TypeScript a user adds to a program
// and runs. Whatever a bucket's values are, the file must hold exactly the declarations asked
// for, each value inside its string literal and each comment on its line, and no character that
// hides or reorders code in an editor or a review (Trojan Source, CVE-2021-42574).

export const PROPERTY_RUNS = 300;

const state = (value: string): BucketEncryptionState => ({ cloud: "aliyun", region: "cn-hangzhou", bucket: value, sseAlgorithm: value as BucketEncryptionState["sseAlgorithm"], kmsMasterKeyId: value, signatureVersion: "v4" });

/** The `new BucketEncryption(...)` calls in `source`: the name and each property's value. */
function declarationsIn(source: string): Array<{ name: string; props: Record<string, string> }> {
  const file = ts.createSourceFile("imported.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Array<{ name: string; props: Record<string, string> }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === "BucketEncryption") {
      const [name, props] = node.arguments ?? [];
      const values: Record<string, string> = {};
      if (props !== undefined && ts.isObjectLiteralExpression(props)) {
        for (const p of props.properties) if (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer)) values[p.name.getText(file)] = p.initializer.text;
      }
      found.push({ name: name !== undefined && ts.isStringLiteral(name) ? name.text : "(not a string)", props: values });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function check(value: string): void {
  const source = renderDeclarations(
    [
      { name: `imported-${value}`, state: state(value), imported: true },
      { name: `declared-${value}`, state: state(value), imported: false },
    ],
    { protect: true },
  );
  const syntax = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } }).diagnostics ?? [];
  assert.deepEqual(syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), [], "the file parses");
  assert.equal(firstUnseen(source), undefined, "no control, bidi, zero-width or separator character in the source");
  const found = declarationsIn(source);
  assert.deepEqual(
    found.map((d) => d.name),
    [`imported-${value}`, `declared-${value}`],
    "two declarations, each name exactly as given",
  );
  for (const d of found) assert.deepEqual(d.props, { cloud: "aliyun", region: "cn-hangzhou", bucket: value, sseAlgorithm: value, kmsMasterKeyId: value, signatureVersion: "v4" });
  // Each comment line is one `//` line: a value never ends it early.
  const statements = source.split("\n").filter((l) => l !== "" && !l.startsWith("//") && !l.startsWith("    ") && !l.startsWith("import ") && !l.startsWith("new BucketEncryption(") && !l.startsWith("})") && !l.startsWith("}, {"));
  assert.deepEqual(statements, [], "no line but comments, the import and the two declarations");
}

describe("TypeScript declarations: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => check(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => check(value)), { numRuns: PROPERTY_RUNS }));
});
