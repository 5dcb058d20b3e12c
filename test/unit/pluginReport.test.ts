import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type ContenderRounds, CYCLE_COMMANDS, type CycleCommand, goalMet, type PluginCommandFigure, renderPluginReport, summarise } from "../../bench/pluginReport";

// The plugin part's report (pure): ratios of medians to the dynamic resource, the goal per
// command, informative rows kept out of it, and requests shown as counted.

const figure = (seconds: number, extra: Partial<PluginCommandFigure> = {}): PluginCommandFigure => ({
  seconds,
  requests: 300,
  providerCpuMs: 3000,
  providerPeakRssMiB: 60,
  providerProcesses: 1,
  ...extra,
});
const round = (up: number, refresh: number, destroy: number, extra: Partial<PluginCommandFigure> = {}): Record<CycleCommand, PluginCommandFigure> => ({
  up: figure(up, extra),
  refresh: figure(refresh, extra),
  destroy: figure(destroy, extra),
});
const contender = (name: string, rounds: ContenderRounds["rounds"], informative = false): ContenderRounds => ({ name, label: name, informative, rounds });

describe("plugin against dynamic: summaries", () => {
  const dynamic = contender("dynamic", [round(10, 8, 6), round(12, 9, 7), round(11, 10, 8)]);
  const plugin = contender("plugin", [round(5, 4, 6), round(6, 5, 9), round(30, 6, 7)]);

  it("divides the medians, and takes the median of the round-by-round ratios", () => {
    const up = summarise(plugin, dynamic, "up", 300);
    assert.equal(up.medianSeconds, 6);
    assert.equal(up.ratio, 6 / 11);
    // Rounds: 5/10, 6/12, 30/11: the median is 0.5, one slow round does not move it.
    assert.equal(up.pairRatio, 0.5);
  });

  it("gives the provider's CPU per rule and the median peak RSS", () => {
    const s = summarise(contender("p", [round(1, 1, 1, { providerCpuMs: 600 }), round(1, 1, 1, { providerCpuMs: 900, providerPeakRssMiB: 80 }), round(1, 1, 1, { providerCpuMs: 1500 })]), dynamic, "refresh", 300);
    assert.equal(s.cpuMsPerOperation, 3);
    assert.equal(s.peakRssMiB, 60);
  });

  const cases: ReadonlyArray<readonly [number, boolean]> = [
    [0.5, true],
    [1.0, true],
    [1.0001, false],
    [2, false],
  ];
  for (const [ratio, met] of cases) {
    it(`the goal of 1.0x is ${met ? "met" : "not met"} at ${ratio}x`, () => {
      const s = summarise(contender("p", [round(ratio * 10, 1, 1)]), contender("d", [round(10, 1, 1)]), "up", 1);
      assert.equal(goalMet([s]), met);
    });
  }

  it("a contender against itself is 1.0x, and k times its seconds are k times the ratio", () => {
    const seconds = fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(seconds, fc.double({ min: 0.1, max: 10, noNaN: true }), (values, k) => {
        const base = contender("d", values.map((v) => round(v, v, v)));
        const scaled = contender("p", values.map((v) => round(v * k, v, v)));
        assert.ok(Math.abs(summarise(base, base, "up", 1).ratio - 1) < 1e-9);
        assert.ok(Math.abs(summarise(scaled, base, "up", 1).ratio - k) < 1e-9 * k);
        assert.ok(Math.abs(summarise(scaled, base, "up", 1).pairRatio - k) < 1e-9 * k);
      }),
    );
  });
});

describe("plugin against dynamic: the report", () => {
  const dynamic = contender("dynamic", [round(10, 8, 6), round(10, 8, 6)]);
  const plugin = contender("plugin", [round(5, 4, 7), round(5, 4, 7)]);
  // Slower everywhere, but informative: it must not decide the goal.
  const yaml = contender("yaml", [round(50, 40, 30, { requests: 299 }), round(50, 40, 30)], true);
  const lines = renderPluginReport([dynamic, plugin, yaml], 300, ["a note"]);

  it("prints a row per command and contender, with the ratio and the counted requests", () => {
    assert.ok(lines.includes("| up | plugin | 5.00, 5.00 | 5.00 | 0.50x (0.50x) | 300 | 10.00 | 60.0 |"), lines.join("\n"));
    assert.ok(lines.includes("| refresh | dynamic | 8.00, 8.00 | 8.00 | 1.00x (itself) | 300 | 10.00 | 60.0 |"), lines.join("\n"));
    assert.ok(lines.includes("| up | yaml | 50.00, 50.00 | 50.00 | 5.00x (5.00x), informative | 299, 300 | 10.00 | 60.0 |"), lines.join("\n"));
  });

  it("states the goal per command from the rows held to it", () => {
    const goal = lines.find((l) => l.startsWith("Goal:"));
    assert.equal(goal, "Goal: the plugin takes at most 1.0x the dynamic resource's time for each command (ratio of medians, the slowest plugin row held to it): up 0.50x met; refresh 0.50x met; destroy 1.17x NOT met.");
  });

  it("names every command in the table", () => {
    for (const command of CYCLE_COMMANDS) assert.equal(lines.filter((l) => l.startsWith(`| ${command} |`)).length, 3);
  });
});
