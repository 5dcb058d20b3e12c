import type { NetworkContender } from "./networkContenders";

/** The three commands the scenario measures. */
export const COMMANDS = ["up", "refresh", "destroy"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** One command's figures for one contender. */
export interface NetworkFigure {
  readonly seconds: number;
  readonly requests: number;
  readonly connections: number;
  readonly fullHandshakes: number;
  readonly resumedHandshakes: number;
  readonly providerCpuMs: number;
  readonly providerPeakRssMiB: number;
}

/** Every figure of one scenario run: per N, per contender, per command (medians over runs). */
export type NetworkFigures = Record<number, Record<string, Record<CommandName, NetworkFigure>>>;

/**
 * The fastest a command over N buckets can be on this link: the engine floor (same engine,
 * backend and parallelism, no requests) plus one round trip per wave of `parallelism` requests,
 * plus the first wave's TCP and TLS 1.3 handshakes (one round trip each).
 */
export function physicalFloorSeconds(engineFloorSeconds: number, n: number, parallelism: number, rttMs: number): number {
  return engineFloorSeconds + ((Math.ceil(n / parallelism) + 2) * rttMs) / 1000;
}

/** The median of `values` (0 for none). */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The figure whose fields are the medians of `runs`' fields. */
export function medianFigure(runs: readonly NetworkFigure[]): NetworkFigure {
  const m = (k: keyof NetworkFigure) => medianOf(runs.map((r) => r[k]));
  return {
    seconds: m("seconds"),
    requests: m("requests"),
    connections: m("connections"),
    fullHandshakes: m("fullHandshakes"),
    resumedHandshakes: m("resumedHandshakes"),
    providerCpuMs: m("providerCpuMs"),
    providerPeakRssMiB: m("providerPeakRssMiB"),
  };
}

const fmt = (n: number, digits = 2) => Number.isNaN(n) ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The scenario's section of the report, as Markdown lines. */
export function renderNetworkReport(
  figures: NetworkFigures,
  contenders: readonly NetworkContender[],
  setting: { readonly rttMs: number; readonly parallelism: number; readonly runs: number },
): string[] {
  const { rttMs, parallelism } = setting;
  const lines: string[] = [];
  lines.push(`## Real network: TLS, ${rttMs} ms round trip, the clouds' virtual-hosted names`);
  lines.push("");
  lines.push(
    `Aliyun buckets \`bench-NNN.oss-cn-hangzhou.aliyuncs.com\` resolved to 127.0.0.1, the OSS emulator over https with a certificate of a private test CA (trusted through \`NODE_EXTRA_CA_CERTS\`), behind a proxy adding ${rttMs} ms of round trip; Pulumi's default parallelism (${parallelism}); median of ${setting.runs} run(s). Per operation = per resource. CPU is the dynamic provider process's, start-up included; "over floor" subtracts the engine floor's provider.`,
  );
  lines.push("");
  for (const c of contenders) lines.push(`- \`${c.name}\`: ${c.description}`);
  for (const [nText, byContender] of Object.entries(figures)) {
    const n = Number(nText);
    const floor = byContender["floor"];
    lines.push("");
    lines.push(`### N = ${n}`);
    lines.push("");
    lines.push(`| contender | command | s | × physical floor | requests/op | TCP connections/op | full TLS/op | resumed TLS/op | provider CPU ms/op | over floor ms/op | provider peak MiB |`);
    lines.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
    for (const c of contenders) {
      const byCommand = byContender[c.name];
      if (byCommand === undefined) continue;
      for (const command of COMMANDS) {
        const f = byCommand[command];
        const physical = floor !== undefined ? physicalFloorSeconds(floor[command].seconds, n, parallelism, rttMs) : undefined;
        const overFloor = floor !== undefined ? (f.providerCpuMs - floor[command].providerCpuMs) / n : undefined;
        lines.push(
          `| ${c.name} | ${command} | ${fmt(f.seconds)} | ${physical !== undefined && c.addressing !== "none" ? `${fmt(f.seconds / physical)}x` : "–"} | ${fmt(f.requests / n)} | ${fmt(f.connections / n, 3)} | ${fmt(f.fullHandshakes / n, 3)} | ${fmt(f.resumedHandshakes / n, 3)} | ${fmt(f.providerCpuMs / n)} | ${overFloor !== undefined && c.addressing !== "none" ? fmt(overFloor) : "–"} | ${fmt(f.providerPeakRssMiB, 1)} |`,
        );
      }
    }
  }
  lines.push("");
  lines.push(`### Against the physical floor (engine floor + one ${rttMs} ms round trip per wave of ${parallelism} requests + 2 for the first handshakes)`);
  lines.push("");
  lines.push(`| N | command | engine floor s | physical floor s | ours s | ours × physical | nothing shared s | ali-oss s | ours, PULUMI_SKIP_CHECKPOINTS=true s | ours full TLS handshakes (connections) |`);
  lines.push(`|---:|---|---:|---:|---:|---:|---:|---:|---:|---|`);
  for (const [nText, byContender] of Object.entries(figures)) {
    const n = Number(nText);
    const floor = byContender["floor"];
    const ours = byContender["ours"];
    if (floor === undefined || ours === undefined) continue;
    for (const command of COMMANDS) {
      const physical = physicalFloorSeconds(floor[command].seconds, n, parallelism, rttMs);
      const cell = (name: string) => {
        const f = byContender[name]?.[command];
        return f !== undefined ? fmt(f.seconds) : "–";
      };
      lines.push(
        `| ${n} | ${command} | ${fmt(floor[command].seconds)} | ${fmt(physical)} | ${fmt(ours[command].seconds)} | ${fmt(ours[command].seconds / physical)}x | ${cell("ours-none")} | ${cell("ali-oss")} | ${cell("ours-skip-checkpoints")} | ${ours[command].fullHandshakes} (${ours[command].connections}) |`,
      );
    }
  }
  return lines;
}
