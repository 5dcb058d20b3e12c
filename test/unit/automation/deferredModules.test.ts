import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { withDeferredModules } from "../../../cli/automation/deferredModules";

// A heavy dependency is stood in for while a consumer loads, and loads for real on first use.
// The consumer reads it the ways compiled TypeScript does: `import * as` (the __importStar
// helper), a plain require kept in a constant, and a require inside a function.

const HEAVY = `
globalThis.heavyLoads = (globalThis.heavyLoads ?? 0) + 1;
exports.answer = 42;
exports.Thing = class Thing { constructor(v) { this.v = v; } };
exports.twice = (x) => x * 2;
Object.defineProperty(exports, "fixed", { value: "pinned", enumerable: true, configurable: false, writable: false });
`;

const CONSUMER = `
var __importStar = (this && this.__importStar) || function (mod) {
  if (mod && mod.__esModule) return mod;
  var result = {};
  if (mod != null) for (var k of Object.keys(mod)) if (k !== "default") result[k] = mod[k];
  result.default = mod;
  return result;
};
const star = __importStar(require("./heavy"));
const plain = require("./heavy");
exports.viaStar = () => new star.Thing(star.answer).v;
exports.viaPlain = () => plain.twice(plain.answer);
exports.hasAnswer = () => "answer" in plain;
exports.keys = () => Object.keys(plain).sort();
exports.setting = (v) => { plain.setting = v; };
exports.dropping = () => delete plain.setting;
exports.plain = plain;
`;

describe("withDeferredModules", () => {
  let dir: string;
  let fresh = 0;
  // Each case gets its own copy of the files, so the module cache of one never serves another.
  const files = () => {
    const sub = path.join(dir, String(fresh++));
    mkdirSync(sub, { recursive: true });
    const heavy = path.join(sub, "heavy.js");
    writeFileSync(heavy, HEAVY);
    writeFileSync(path.join(sub, "consumer.js"), CONSUMER);
    return { heavy, consumer: path.join(sub, "consumer.js") };
  };
  const loads = () => (globalThis as { heavyLoads?: number }).heavyLoads ?? 0;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "deferred-modules-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("loads nothing until the dependency is used, then loads it once for every way it was imported", () => {
    const f = files();
    const before = loads();
    const consumer = withDeferredModules([f.heavy], () => require(f.consumer) as Record<string, () => unknown>);
    assert.equal(loads(), before, "the dependency loaded while its consumer did");
    assert.equal(consumer["viaStar"]!(), 42);
    assert.equal(loads(), before + 1);
    assert.equal(consumer["viaPlain"]!(), 84);
    assert.equal(consumer["hasAnswer"]!(), true);
    assert.deepEqual(consumer["keys"]!(), ["Thing", "answer", "fixed", "twice"]);
    assert.equal(loads(), before + 1, "the dependency loaded more than once");
  });

  it("writes and deletions through the stand-in reach the real module", () => {
    const f = files();
    const consumer = withDeferredModules([f.heavy], () => require(f.consumer) as { setting(v: string): void; dropping(): boolean; plain: Record<string, unknown> });
    consumer.setting("on");
    const real = require(f.heavy) as Record<string, unknown>;
    assert.equal(real["setting"], "on");
    assert.equal(consumer.plain["setting"], "on");
    assert.equal(consumer.dropping(), true);
    assert.equal("setting" in real, false);
    assert.equal(Object.getOwnPropertyDescriptor(consumer.plain, "fixed")?.value, "pinned");
  });

  it("says it is an ES module without loading, consistently for `in` and reads", () => {
    const f = files();
    const before = loads();
    const consumer = withDeferredModules([f.heavy], () => require(f.consumer) as { plain: Record<string, unknown> });
    assert.equal(consumer.plain["__esModule"], true);
    assert.equal("__esModule" in consumer.plain, true);
    assert.equal(loads(), before);
  });

  it("leaves the module cache as it was: a later require gets the real module", () => {
    const f = files();
    withDeferredModules([f.heavy], () => require(f.consumer) as unknown);
    assert.equal(require.cache[f.heavy], undefined, "the stand-in stayed in the module cache");
    const before = loads();
    const real = require(f.heavy) as { answer: number; __esModule?: unknown };
    assert.equal(real.answer, 42);
    assert.equal(real.__esModule, undefined);
    assert.equal(loads(), before + 1);
  });

  it("leaves a module that is already loaded alone", () => {
    const f = files();
    const real = require(f.heavy) as object;
    const before = loads();
    withDeferredModules([f.heavy], () => require(f.consumer) as unknown);
    assert.equal(require.cache[f.heavy]?.exports, real);
    assert.equal(loads(), before);
  });

  it("removes the stand-ins when loading throws", () => {
    const f = files();
    assert.throws(() => withDeferredModules([f.heavy], () => {
      throw new Error("boom");
    }), /boom/);
    assert.equal(require.cache[f.heavy], undefined);
  });
});
