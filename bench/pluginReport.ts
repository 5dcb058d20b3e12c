import { median } from "./processes";

/** The commands of one cycle. */
export const CYCLE_COMMANDS = ["up", "refresh", "destroy"] as const;
/** One of {@link CYCLE_COMMANDS}. */
export type CycleCommand = (typeof CYCLE_COMMANDS)[number];

/** The goal of the issue: the plugin takes at most this multiple of the dynamic resource's time, per command. */
export const PLUGIN_TARGET_RATIO = 1.0;

/** One command of one cycle for one contender. */
export interface PluginCommandFigure {
  readonly seconds: number;
  /** Requests the emulator counted during the command. */
  readonly requests: number;
  /** CPU time (user + system) of the contender's provider processes. */
  readonly providerCpuMs: number;
  readonly providerPeakRssMiB: number;
  readonly providerProcesses: number;
}

/** Every round of one contender. */
export interface ContenderRounds {
  readonly name: string;
  readonly label: string;
  /** Shown, not held to the goal. */
  readonly informative: boolean;
  readonly rounds: ReadonlyArray<Readonly<Record<CycleCommand, PluginCommandFigure>>>;
}

/** One contender's figures for one command, over its rounds. */
export interface CommandSummary {
  readonly seconds: readonly number[];
  readonly medianSeconds: number;
  /** Median seconds over the dynamic resource's median seconds. */
  readonly ratio: number;
  /** The median of the round-by-round ratios (each round ran every contender once). */
  readonly pairRatio: number;
  readonly requests: readonly number[];
  readonly cpuMsPerOperation: number;
  readonly peakRssMiB: number;
}

/** Summarises `contender` against `dynamic` for one command over `n` rules. */
export function summarise(contender: ContenderRounds, dynamic: ContenderRounds, command: CycleCommand, n: number): CommandSummary {
  const seconds = contender.rounds.map((r) => r[command].seconds);
  const dynamicSeconds = dynamic.rounds.map((r) => r[command].seconds);
  const pairs = seconds.slice(0, dynamicSeconds.length).map((s, i) => s / (dynamicSeconds[i] ?? Number.NaN));
  return {
    seconds,
    medianSeconds: median(seconds),
    ratio: median(seconds) / median(dynamicSeconds),
    pairRatio: median(pairs),
    requests: contender.rounds.map((r) => r[command].requests),
    cpuMsPerOperation: median(contender.rounds.map((r) => r[command].providerCpuMs)) / n,
    peakRssMiB: median(contender.rounds.map((r) => r[command].providerPeakRssMiB)),
  };
}

/** Whether the goal holds for a command: every contender held to it is within {@link PLUGIN_TARGET_RATIO}. */
export function goalMet(summaries: readonly CommandSummary[]): boolean {
  return summaries.every((s) => s.ratio <= PLUGIN_TARGET_RATIO);
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");

// The requests of every round: one number when they agree, all of them when not.
const requestsCell = (requests: readonly number[]) => (new Set(requests).size === 1 ? String(requests[0]) : requests.join(", "));

/**
 * The report's section: per command and contender the rounds' seconds, their median, the ratio
 * to the dynamic resource, the requests, the provider's CPU per operation and peak RSS; then the
 * goal per command for the contenders held to it. `contenders[0]` is the dynamic resource.
 */
export function renderPluginReport(contenders: readonly ContenderRounds[], n: number, notes: readonly string[]): string[] {
  const [dynamic] = contenders;
  if (dynamic === undefined) return [];
  const rounds = dynamic.rounds.length;
  const lines = [`## Provider plugin against the dynamic resource (N = ${n}, ${rounds} alternating round${rounds === 1 ? "" : "s"})`, ""];
  lines.push(...notes, "");
  lines.push(`| command | contender | runs (s) | median s | plugin/dynamic (median of round pairs) | requests at the emulator | provider CPU ms/op | provider peak RSS MiB |`);
  lines.push(`|---|---|---|---:|---:|---:|---:|---:|`);
  const verdicts: string[] = [];
  for (const command of CYCLE_COMMANDS) {
    const held: CommandSummary[] = [];
    for (const contender of contenders) {
      const s = summarise(contender, dynamic, command, n);
      const ratio = contender === dynamic ? "1.00x (itself)" : `${fmt(s.ratio)}x (${fmt(s.pairRatio)}x)${contender.informative ? ", informative" : ""}`;
      lines.push(`| ${command} | ${contender.label} | ${s.seconds.map((x) => fmt(x)).join(", ")} | ${fmt(s.medianSeconds)} | ${ratio} | ${requestsCell(s.requests)} | ${fmt(s.cpuMsPerOperation)} | ${fmt(s.peakRssMiB, 1)} |`);
      if (contender !== dynamic && !contender.informative) held.push(s);
    }
    const worst = Math.max(...held.map((s) => s.ratio));
    verdicts.push(`${command} ${held.length === 0 ? "–" : `${fmt(worst)}x ${goalMet(held) ? "met" : "NOT met"}`}`);
  }
  lines.push("");
  lines.push(`Goal: the plugin takes at most ${fmt(PLUGIN_TARGET_RATIO, 1)}x the dynamic resource's time for each command (ratio of medians, the slowest plugin row held to it): ${verdicts.join("; ")}.`);
  return lines;
}
