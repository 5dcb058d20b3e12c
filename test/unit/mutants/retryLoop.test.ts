// The retry loop on a scripted clock: how many attempts, which waits, which budget each attempt
// gets, when it stops, what it counts and what it throws. Every case runs instantly.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Attempt } from "../../../provider/client/attempt";
import { abortableSleep, type ClientStats, finalError, withRetries } from "../../../provider/client/retryLoop";
import { AcknowledgementError } from "../../../provider/errors/AcknowledgementError";
import { MalformedResponseError } from "../../../provider/errors/MalformedResponseError";
import { ServiceError } from "../../../provider/errors/ServiceError";
import { TransportError } from "../../../provider/errors/TransportError";
import type { RetryPolicy } from "../../../provider/http/retryPolicy";
import { NetworkFailure } from "../../../provider/http/sendRequest";

const context = { resource: "aliyun:cn-hangzhou:acme-logs", cloud: "aliyun" as const, serviceName: "Alibaba Cloud OSS", method: "PUT" };
const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 10_000 };

/** One scripted operation: what each attempt returns (or throws), and how long each takes. */
interface Script {
  readonly outcomes: ReadonlyArray<Attempt<string> | Error>;
  readonly policy?: RetryPolicy;
  readonly attemptTakesMs?: number;
  /** A late timer: each sleep lasts this much longer than asked. */
  readonly sleepOverrunMs?: number;
  readonly signal?: AbortSignal;
}

/** Runs a script on a clock that moves only when an attempt or a sleep takes time (from an arbitrary start). */
async function run(script: Script) {
  let nowMs = Date.parse("2026-11-22T12:00:00Z");
  const sleeps: number[] = [];
  const calls: Array<{ n: number; remainingMs: number }> = [];
  const retried: Error[] = [];
  const stats: ClientStats = { operations: 0, attempts: 0, retries: 0, failures: 0 };
  const clock = {
    now: () => new Date(nowMs),
    random: () => 0.5,
    sleep: (ms: number) => {
      sleeps.push(ms);
      nowMs += ms + (script.sleepOverrunMs ?? 0);
      return Promise.resolve();
    },
  };
  let result: { value: string } | { error: unknown };
  try {
    const value = await withRetries(
      {
        policy: script.policy ?? policy,
        clock,
        stats,
        context,
        // Admitted before each attempt and told how it ended: the failures are what it records.
        admission: () => Promise.resolve((failure: Error | undefined) => void (failure !== undefined && retried.push(failure))),
        ...(script.signal !== undefined ? { signal: script.signal } : {}),
      },
      (n, remainingMs) => {
        calls.push({ n, remainingMs });
        nowMs += script.attemptTakesMs ?? 0;
        const outcome = script.outcomes[n - 1];
        if (outcome === undefined) return Promise.reject(new Error(`attempt ${n} was not scripted`));
        return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
      },
    );
    result = { value };
  } catch (error) {
    result = { error };
  }
  return { result, sleeps, calls, retried, stats, elapsedMs: nowMs };
}

const busy = (name: string) => new Error(name);

describe("withRetries: attempts, waits and budgets", () => {
  it("a first success returns at once, the attempt getting the whole budget", async () => {
    const r = await run({ outcomes: [{ done: "ok" }] });
    assert.deepEqual(r.result, { value: "ok" });
    assert.deepEqual(r.calls, [{ n: 1, remainingMs: 10_000 }]);
    assert.deepEqual(r.sleeps, []);
    assert.deepEqual(r.stats, { operations: 1, attempts: 1, retries: 0, failures: 0 });
  });

  it("retries with the doubling backoff, each attempt getting what is left of the budget", async () => {
    const r = await run({ outcomes: [{ retry: busy("a") }, { retry: busy("b") }, { retry: busy("c") }, { done: "ok" }] });
    assert.deepEqual(r.result, { value: "ok" });
    // random 0.5: half of 100, 200, 400.
    assert.deepEqual(r.sleeps, [50, 100, 200]);
    assert.deepEqual(
      r.calls.map((c) => c.remainingMs),
      [10_000, 9_950, 9_850, 9_650],
    );
    assert.deepEqual(
      r.retried.map((e) => e.message),
      ["a", "b", "c"],
    );
    assert.deepEqual(r.stats, { operations: 1, attempts: 4, retries: 3, failures: 0 });
  });

  it("a wait the service asks for wins over a shorter backoff, and a shorter one loses", async () => {
    const r = await run({ outcomes: [{ retry: busy("a"), waitMs: 700 }, { retry: busy("b"), waitMs: 10 }, { done: "ok" }] });
    assert.deepEqual(r.sleeps, [700, 100]);
  });

  it("stops after maxAttempts and throws the last error, counting one failure", async () => {
    const r = await run({ outcomes: [{ retry: busy("a") }, { retry: busy("b") }, { retry: busy("c") }, { retry: busy("d") }, { done: "never" }] });
    assert.ok("error" in r.result);
    assert.equal((r.result.error as Error).message, "d");
    assert.equal(r.calls.length, 4);
    assert.equal(r.sleeps.length, 3);
    assert.deepEqual(
      r.retried.map((e) => e.message),
      ["a", "b", "c", "d"],
    );
    assert.deepEqual(r.stats, { operations: 1, attempts: 4, retries: 3, failures: 1 });
  });

  it("one attempt in all means no retry", async () => {
    const r = await run({ policy: { ...policy, maxAttempts: 1 }, outcomes: [{ retry: busy("a") }, { done: "never" }] });
    assert.equal((r.result as { error: Error }).error.message, "a");
    assert.equal(r.calls.length, 1);
  });

  it("a wait that would reach the deadline is not made", async () => {
    const exact = await run({ policy: { ...policy, maxElapsedMs: 1_000 }, outcomes: [{ retry: busy("a"), waitMs: 1_000 }, { done: "ok" }] });
    assert.equal((exact.result as { error: Error }).error.message, "a");
    assert.deepEqual(exact.sleeps, []);
    assert.deepEqual(exact.stats, { operations: 1, attempts: 1, retries: 0, failures: 1 });
    const under = await run({ policy: { ...policy, maxElapsedMs: 1_000 }, outcomes: [{ retry: busy("a"), waitMs: 999 }, { done: "ok" }] });
    assert.deepEqual(under.result, { value: "ok" });
    assert.deepEqual(under.calls, [
      { n: 1, remainingMs: 1_000 },
      { n: 2, remainingMs: 1 },
    ]);
  });

  it("time spent in attempts counts against the deadline", async () => {
    const r = await run({ policy: { ...policy, maxElapsedMs: 1_000 }, attemptTakesMs: 400, outcomes: [{ retry: busy("a") }, { retry: busy("b") }, { done: "ok" }] });
    // 400 + 50 wait, then 400 more: 850 + 100 = 950 < 1000, so a third attempt starts.
    assert.deepEqual(r.result, { value: "ok" });
    assert.deepEqual(
      r.calls.map((c) => c.remainingMs),
      [1_000, 550, 50],
    );
    const late = await run({ policy: { ...policy, maxElapsedMs: 900 }, attemptTakesMs: 400, outcomes: [{ retry: busy("a") }, { retry: busy("b") }, { done: "ok" }] });
    assert.equal((late.result as { error: Error }).error.message, "b");
  });

  it("an attempt that starts past the deadline (a late timer) still gets 1 ms, never 0 or less", async () => {
    const r = await run({ policy: { ...policy, maxElapsedMs: 1_000 }, sleepOverrunMs: 5_000, outcomes: [{ retry: busy("a") }, { done: "ok" }] });
    assert.deepEqual(
      r.calls.map((c) => c.remainingMs),
      [1_000, 1],
    );
  });

  it("an aborted signal stops the loop after the attempt under way", async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run({ signal: controller.signal, outcomes: [{ retry: busy("a") }, { done: "never" }] });
    assert.equal((r.result as { error: Error }).error.message, "a");
    assert.equal(r.calls.length, 1);
    assert.deepEqual(r.sleeps, []);
  });

  it("a signal not aborted changes nothing", async () => {
    const r = await run({ signal: new AbortController().signal, outcomes: [{ retry: busy("a") }, { done: "ok" }] });
    assert.deepEqual(r.result, { value: "ok" });
  });

  it("an attempt that throws ends the operation at once, counted as a failure", async () => {
    const r = await run({ outcomes: [{ retry: busy("a") }, new TypeError("a fault in the request"), { done: "never" }] });
    assert.ok((r.result as { error: Error }).error instanceof TypeError);
    assert.equal(r.calls.length, 2);
    assert.deepEqual(r.stats, { operations: 1, attempts: 2, retries: 1, failures: 1 });
  });

  it("a thrown network failure becomes a TransportError naming the attempts made", async () => {
    const r = await run({ outcomes: [{ retry: busy("a") }, new NetworkFailure("aborted", "the operation was aborted")] });
    const error = (r.result as { error: unknown }).error;
    assert.ok(error instanceof TransportError);
    assert.equal(error.attempts, 2);
  });
});

describe("withRetries without a retry listener", () => {
  it("retries all the same", async () => {
    const clock = { now: () => new Date(0), random: () => 0, sleep: () => Promise.resolve() };
    const stats: ClientStats = { operations: 0, attempts: 0, retries: 0, failures: 0 };
    let n = 0;
    const value = await withRetries({ policy, clock, stats, context }, () => Promise.resolve(++n < 2 ? { retry: busy("a") } : { done: "ok" }));
    assert.equal(value, "ok");
    assert.equal(stats.retries, 1);
  });
});

describe("finalError", () => {
  const serviceError = new ServiceError(context, 503, { code: "SlowDown" }, "RID");
  const ackError = new AcknowledgementError(context, 200, "text/html", { kind: "html", excerpt: "an HTML page" });
  const cases: Array<[string, unknown, (e: unknown) => void]> = [
    [
      "a network failure becomes a TransportError",
      new NetworkFailure("timeout", "timed out"),
      (e) => {
        assert.ok(e instanceof TransportError);
        assert.equal(e.attempts, 3);
        assert.ok(e.cause instanceof NetworkFailure);
      },
    ],
    [
      "a ServiceError names the attempts",
      serviceError,
      (e) => {
        assert.ok(e instanceof ServiceError);
        assert.equal(e.attempts, 3);
        assert.equal(e.status, 503);
      },
    ],
    [
      "an AcknowledgementError names the attempts",
      ackError,
      (e) => {
        assert.ok(e instanceof AcknowledgementError);
        assert.equal(e.attempts, 3);
      },
    ],
    [
      "a malformed body of one attempt becomes the operation's error",
      new MalformedResponseError("not XML"),
      (e) => {
        assert.ok(e instanceof MalformedResponseError);
        assert.equal(e.attempts, 3);
        assert.match(e.message, /failed after 3 attempts: not XML/);
      },
    ],
  ];
  for (const [name, error, check] of cases) {
    it(name, () => check(finalError(error, context, 3)));
  }
  it("errors already final pass through unchanged", () => {
    const final = MalformedResponseError.afterAttempts(context, "cut", 2);
    assert.equal(finalError(final, context, 3), final);
    const other = new RangeError("x");
    assert.equal(finalError(other, context, 3), other);
    assert.equal(finalError("text", context, 3), "text");
  });
});

describe("abortableSleep", () => {
  it("waits about the time asked", async () => {
    const started = Date.now();
    await abortableSleep(40);
    assert.ok(Date.now() - started >= 35);
  });
  it("ends early, without error, when the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await abortableSleep(60_000, controller.signal);
    assert.ok(Date.now() - started < 5_000);
  });
  it("stops listening to the signal once it has ended", async () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      removed++;
      remove(...args);
    };
    await abortableSleep(1, signal);
    assert.equal(added, 1);
    assert.equal(removed, 1);
  });
});
