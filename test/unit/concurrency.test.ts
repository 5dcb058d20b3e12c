import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { AdaptiveLimit } from "../../cli/concurrency/adaptiveLimit";
import { mapBounded } from "../../cli/concurrency/mapBounded";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapBounded", () => {
  for (const limit of [1, 3, 8]) {
    it(`never more than ${limit} in flight, results in input order`, async () => {
      let inFlight = 0;
      let peak = 0;
      const items = Array.from({ length: 40 }, (_, i) => i);
      const out = await mapBounded(items, limit, async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await pause((i * 7) % 5);
        inFlight--;
        return i * 2;
      });
      assert.equal(peak, limit);
      assert.deepEqual(out, items.map((i) => i * 2));
    });
  }
  it("refuses a limit below 1", async () => {
    await assert.rejects(mapBounded([1], 0, (x) => Promise.resolve(x)), /at least 1/);
  });
  it("resolves an empty list at once", async () => assert.deepEqual(await mapBounded([], 4, () => Promise.resolve(1)), []));
  it("lets every started task settle, starts no more, then rethrows the first escaped rejection", async () => {
    const started: number[] = [];
    let settled = 0;
    await assert.rejects(
      mapBounded([0, 1, 2, 3, 4, 5], 2, async (i) => {
        started.push(i);
        await pause(i === 0 ? 1 : 5);
        settled++;
        if (i === 0) throw new Error("first");
        return i;
      }),
      /first/,
    );
    assert.deepEqual(started, [0, 1]);
    assert.equal(settled, 2);
  });
  it("follows an adaptive limit: never more in flight than the limit when a task starts; lowered, then raised again", async () => {
    let now = 0;
    const limit = new AdaptiveLimit(8, () => now);
    let inFlight = 0;
    const overs: string[] = [];
    await mapBounded(Array.from({ length: 80 }, (_, i) => i), limit, async (i) => {
      inFlight++;
      if (inFlight > limit.current) overs.push(`task ${i}: ${inFlight} in flight, limit ${limit.current}`);
      const settle = await limit.admit();
      await pause(2);
      // Tasks 10 and 11 are throttled; time moves on so the limit may grow back afterwards.
      settle(i === 10 || i === 11);
      now += 100;
      inFlight--;
      return i;
    });
    assert.deepEqual(overs, []);
    assert.ok(limit.lowestReached < 8, `lowest ${limit.lowestReached}`);
    assert.ok(limit.current > limit.lowestReached, `raised again to ${limit.current}`);
  });
});

describe("AdaptiveLimit", () => {
  /** Admits `n` requests (each must get in at once) and returns their settles. */
  const admitAll = async (limit: AdaptiveLimit, n: number) => Promise.all(Array.from({ length: n }, () => limit.admit()));

  it("admits up to the limit at once, the rest first come, first served, as places free", async () => {
    const limit = new AdaptiveLimit(2);
    const order: number[] = [];
    const settles = [0, 1, 2, 3].map((i) => limit.admit().then((settle) => (order.push(i), settle)));
    await pause(1);
    assert.deepEqual([order, limit.inFlight], [[0, 1], 2]);
    (await settles[1])?.(false);
    await pause(1);
    assert.deepEqual(order, [0, 1, 2]);
    (await settles[0])?.(false);
    await pause(1);
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  it("a throttle halves the limit; throttles of requests sent before that halving do not halve it again", async () => {
    const limit = new AdaptiveLimit(16, () => 0);
    const first = await admitAll(limit, 16);
    first[0]?.(true);
    assert.equal(limit.current, 8);
    for (const settle of first.slice(1)) settle(true);
    assert.equal(limit.current, 8, "one episode, one halving");
    for (const expected of [4, 2, 1, 1]) {
      const [settle] = await admitAll(limit, 1);
      settle?.(true);
      assert.equal(limit.current, expected);
    }
    assert.equal(limit.lowestReached, 1);
  });

  it("grows by one after as many unthrottled requests as the limit, at most once per calm period, up to its maximum", async () => {
    let now = 0;
    const limit = new AdaptiveLimit(4, () => now, 1_000);
    for (const settle of await admitAll(limit, 1)) settle(true);
    for (const settle of await admitAll(limit, 1)) settle(true);
    assert.equal(limit.current, 1);
    for (const settle of await admitAll(limit, 1)) settle(false);
    assert.equal(limit.current, 1, "the throttle was just now: no growth yet");
    now += 1_000;
    // The place of a request settled at one in flight is held a moment (see below): wait for it.
    await pause(1);
    for (const settle of await admitAll(limit, 1)) settle(false);
    assert.equal(limit.current, 2);
    for (const settle of await admitAll(limit, 2)) settle(false);
    assert.equal(limit.current, 2, "two more successes, but within the calm period");
    now += 1_000;
    for (const settle of await admitAll(limit, 2)) settle(false);
    assert.equal(limit.current, 3);
    for (let i = 0; i < 10; i++) {
      now += 1_000;
      for (const settle of await admitAll(limit, limit.current)) settle(false);
    }
    assert.equal(limit.current, 4);
  });

  it("a throttle resets the run of successes", async () => {
    let now = 0;
    const limit = new AdaptiveLimit(8, () => now);
    (await limit.admit())(true);
    assert.equal(limit.current, 4);
    now += 1_000;
    for (const settle of await admitAll(limit, 3)) settle(false);
    const late = await admitAll(limit, 1);
    (await limit.admit())(true);
    assert.equal(limit.current, 2, "a request admitted after the halving halves again");
    late[0]?.(false);
    now += 1_000;
    for (const settle of await admitAll(limit, 1)) settle(false);
    assert.equal(limit.current, 3, "two successes since the throttle: the limit grows from 2");
  });

  it("at one in flight, throttled requests keep their place 100 ms, then 200 ms; successes give the pace back by halves", async () => {
    const limit = new AdaptiveLimit(1);
    const outcomes = [true, true, false, false, false];
    const gaps: number[] = [];
    let last = Date.now();
    for (const throttled of outcomes) {
      const settle = await limit.admit();
      gaps.push(Date.now() - last);
      last = Date.now();
      settle(throttled);
    }
    await limit.admit();
    gaps.push(Date.now() - last);
    const expected = [0, 100, 200, 200, 100, 0];
    assert.ok(gaps.every((g, i) => g >= (expected[i] ?? 0) - 5 && g < (expected[i] ?? 0) + 80), `gaps ${gaps.join(", ")} ms, expected about ${expected.join(", ")}`);
  });

  it("property: never more admitted than the limit, the limit between 1 and its maximum", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), async (max, outcomes) => {
        let now = 0;
        const limit = new AdaptiveLimit(max, () => now, 10, { firstMs: 1, maxMs: 4 });
        for (const throttled of outcomes) {
          const settle = await limit.admit();
          assert.ok(limit.inFlight <= limit.current, `${limit.inFlight} in flight over ${limit.current}`);
          settle(throttled);
          assert.ok(limit.current >= 1 && limit.current <= max);
          now += 7;
          if (limit.inFlight > 0) await pause(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a maximum below 1", () => assert.throws(() => new AdaptiveLimit(0), /at least 1/));
});
