import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NETWORK_CONTENDERS } from "../../bench/networkContenders";
import { type CommandName, medianFigure, type NetworkFigure, renderNetworkReport } from "../../bench/networkReport";

// The benchmark's report rendering (pure): ratios to the physical floor, per-operation counts,
// and "–" where a server counts nothing.

const figure = (seconds: number, extra: Partial<NetworkFigure> = {}): NetworkFigure => ({
  seconds,
  requests: 300,
  connections: 8,
  fullHandshakes: 8,
  resumedHandshakes: 0,
  providerCpuMs: 1200,
  providerPeakRssMiB: 150,
  ...extra,
});
const all = (f: NetworkFigure): Record<CommandName, NetworkFigure> => ({ up: f, refresh: f, destroy: f });

describe("real-network report", () => {
  const floor = all(figure(3, { requests: 0, connections: 0, fullHandshakes: 0, providerCpuMs: 900 }));
  const lines = renderNetworkReport(
    { 300: { floor, ours: all(figure(4.2)), "ours-jdcloud": all(figure(5, { requests: NaN, fullHandshakes: NaN, resumedHandshakes: NaN })) } },
    NETWORK_CONTENDERS.filter((c) => ["floor", "ours", "ours-jdcloud"].includes(c.name)),
    { rttMs: 30, parallelism: 8, runs: 1 },
  );
  it("gives ours' ratio to the physical floor (3 s + 40 round trips of 30 ms = 4.2 s)", () => {
    assert.ok(lines.includes("| ours | refresh | 4.20 | 1.00x | 1.00 | 0.027 | 0.027 | 0.000 | 4.00 | 1.00 | 150.0 |"), lines.join("\n"));
    assert.ok(lines.includes("| 300 | refresh | 3.00 | 4.20 | 4.20 | 1.00x | – | – | – | 8 (8) |"), lines.join("\n"));
  });
  it("prints – for what a server does not count", () => {
    assert.ok(lines.includes("| ours-jdcloud | up | 5.00 | 1.19x | – | 0.027 | – | – | 4.00 | 1.00 | 150.0 |"), lines.join("\n"));
  });
  it("takes medians field by field", () => {
    assert.deepEqual(medianFigure([figure(1), figure(5), figure(2)]).seconds, 2);
    assert.deepEqual(medianFigure([figure(1, { connections: 4 }), figure(3, { connections: 8 })]).connections, 6);
  });
});
