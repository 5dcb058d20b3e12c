import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import { ServiceError } from "../../provider/errors/ServiceError";
import { TransportError } from "../../provider/errors/TransportError";
import type { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import type { Fault } from "../emulator/faults";
import { kmsInputs, lifecycleOn, type Op, OPS, prepareOperation } from "./operations";
import type { Target } from "./targets";

// Every lifecycle operation through every fault, against one server: transient faults are
// survived by retrying, lasting ones fail with a clear error within the deadline, and afterwards a
// read (what refresh does) agrees with the server. The emulator runs it in the fast tier
// (test/integration), MinIO behind the fault proxy in the tools tier (test/e2e).

const REQUEST_TIMEOUT_MS = 800;
const MAX_ATTEMPTS = 4;
const MAX_ELAPSED_MS = 6_000;

const TRANSIENT: Array<[string, Fault]> = [
  ["503 SlowDown with Retry-After", { kind: "status", status: 503, code: "SlowDown", retryAfterSeconds: 1 }],
  ["500 InternalError", { kind: "status", status: 500, code: "InternalError" }],
  ["connection reset", { kind: "reset" }],
  ["a hang past the deadline", { kind: "hang", ms: REQUEST_TIMEOUT_MS * 3 }],
  ["a body cut short", { kind: "truncate" }],
  ["malformed XML", { kind: "malformed" }],
  ["a reply lost after the server acted", { kind: "lost-response" }],
];

/** A server whose next answers can be replaced by faults. */
export interface FaultyTarget extends Target {
  inject(...faults: Fault[]): void;
  clearFaults(): void;
}

/** A lifecycle with short deadlines, its credentials from the environment `target` expects. */
export function lifecycleFor(target: Target, maxElapsedMs = MAX_ELAPSED_MS): BucketEncryptionLifecycle {
  return lifecycleOn(target, {
    PULUMI_BUCKET_ENCRYPTION_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    PULUMI_BUCKET_ENCRYPTION_MAX_ELAPSED_MS: String(maxElapsedMs),
  });
}

/** Declares the fault suite for the server `start` brings up (once, before the suite). */
export function describeFaultSuite(label: string, start: () => Promise<FaultyTarget>): void {
  describe(`faults: ${label}`, () => {
    let target: FaultyTarget;
    let lifecycle: BucketEncryptionLifecycle;
    let bucketCounter = 0;

    before(async () => {
      target = await start();
      lifecycle = lifecycleFor(target);
    });
    after(async () => {
      await target?.stop();
    });

    const prepare = (op: Op) => prepareOperation(lifecycle, target, `fault-${++bucketCounter}`, op);

    for (const op of OPS) {
      for (const [faultName, fault] of TRANSIENT) {
        it(`${op} survives ${faultName}`, async () => {
          const { bucket, id, inputs, run, expected } = await prepare(op);
          const before = target.requestCount(bucket);
          target.inject(fault);
          const started = Date.now();
          const result = await run();
          assert.ok(Date.now() - started < MAX_ELAPSED_MS, "within the operation's deadline");
          assert.equal(target.requestCount(bucket) - before, 2, "one faulty attempt, one good one");
          assert.deepEqual(await target.rule(bucket), expected);
          if (op === "read") assert.equal((result as { props?: Record<string, unknown> }).props?.["kmsMasterKeyId"], target.kmsKeys[0]);
          // What refresh would record agrees with the server.
          const refreshed = await lifecycle.read(id, inputs);
          assert.equal(refreshed.props?.["kmsMasterKeyId"], expected?.KMSMasterKeyID);
        });
      }
    }

    it("a fault that lasts fails with the service's code after the attempts run out", async () => {
      const { bucket, run } = await prepare("update");
      target.inject(...Array.from({ length: MAX_ATTEMPTS }, (): Fault => ({ kind: "status", status: 503, code: "SlowDown", retryAfterSeconds: 0 })));
      const before = target.requestCount(bucket);
      await assert.rejects(run(), (e: Error) => {
        assert.ok(e instanceof ServiceError);
        assert.match(e.message, new RegExp(`failed after ${MAX_ATTEMPTS} attempts: HTTP 503 SlowDown`));
        return true;
      });
      assert.equal(target.requestCount(bucket) - before, MAX_ATTEMPTS);
      assert.equal((await target.rule(bucket))?.KMSMasterKeyID, target.kmsKeys[0], "the old rule is intact");
    });

    it("a server that never answers fails within the operation's deadline", async () => {
      const { bucket, run } = await prepare("read");
      target.inject(...Array.from({ length: MAX_ATTEMPTS }, (): Fault => ({ kind: "hang", ms: 10_000 })));
      const started = Date.now();
      await assert.rejects(run(), (e: Error) => e instanceof TransportError && /no complete response within 800 ms/.test(e.message));
      const elapsed = Date.now() - started;
      // The deadline itself, plus scheduling slack on a busy machine.
      assert.ok(elapsed < MAX_ELAPSED_MS + 250, `took ${elapsed} ms`);
      target.clearFaults();
      assert.ok(target.requestCount(bucket) >= 2);
    });

    it("no attempt outlives the operation's budget", async () => {
      const budgetMs = 1_500;
      const tight = lifecycleFor(target, budgetMs);
      const bucket = `fault-${++bucketCounter}`;
      await target.createBucket(bucket);
      const { inputs } = await tight.check({}, kmsInputs(target, bucket));
      target.inject(...Array.from({ length: MAX_ATTEMPTS }, (): Fault => ({ kind: "hang", ms: 10_000 })));
      const started = Date.now();
      await assert.rejects(tight.create(inputs), TransportError);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < budgetMs + 250, `took ${elapsed} ms against a ${budgetMs} ms budget`);
      target.clearFaults();
    });

    it("an oversized body is refused, not retried", async () => {
      const { bucket, run } = await prepare("read");
      target.inject({ kind: "huge" });
      const before = target.requestCount(bucket);
      await assert.rejects(run(), (e: Error) => e instanceof MalformedResponseError && /over the 65536-byte limit/.test(e.message));
      assert.equal(target.requestCount(bucket) - before, 1);
    });
  });
}

