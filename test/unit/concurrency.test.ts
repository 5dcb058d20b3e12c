import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
      if (i === 10 || i === 11) {
        limit.throttled();
        now += 2_000;
      }
      await pause(2);
      inFlight--;
      return i;
    });
    assert.deepEqual(overs, []);
    assert.equal(limit.lowestReached, 2);
    assert.ok(limit.current > 2, `raised again to ${limit.current}`);
  });
});

describe("AdaptiveLimit", () => {
  it("halves on throttling, once per calm period, never below 1", () => {
    let now = 0;
    const limit = new AdaptiveLimit(16, () => now, 1_000);
    limit.throttled();
    assert.equal(limit.current, 8);
    limit.throttled();
    assert.equal(limit.current, 8, "a second throttle within the calm period is the same episode");
    for (const expected of [4, 2, 1, 1]) {
      now += 1_000;
      limit.throttled();
      assert.equal(limit.current, expected);
    }
    assert.equal(limit.lowestReached, 1);
  });
  it("grows by one after as many successes as the limit, up to its maximum", () => {
    let now = 0;
    const limit = new AdaptiveLimit(4, () => now);
    limit.throttled();
    now += 1_000;
    limit.throttled();
    assert.equal(limit.current, 1);
    limit.succeeded();
    assert.equal(limit.current, 2);
    limit.succeeded();
    assert.equal(limit.current, 2);
    limit.succeeded();
    assert.equal(limit.current, 3);
    for (let i = 0; i < 20; i++) limit.succeeded();
    assert.equal(limit.current, 4);
  });
  it("a throttle resets the run of successes", () => {
    const now = 0;
    const limit = new AdaptiveLimit(8, () => now);
    limit.throttled();
    assert.equal(limit.current, 4);
    for (let i = 0; i < 3; i++) limit.succeeded();
    limit.throttled();
    for (let i = 0; i < 3; i++) limit.succeeded();
    assert.equal(limit.current, 4, "three successes after the reset are one short of growing");
    limit.succeeded();
    assert.equal(limit.current, 5);
  });
  it("refuses a maximum below 1", () => assert.throws(() => new AdaptiveLimit(0), /at least 1/));
});
