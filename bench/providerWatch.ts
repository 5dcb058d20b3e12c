import { readdirSync, readFileSync } from "node:fs";

/** CPU and peak memory of the dynamic-provider processes one command started. */
export interface ProviderUsage {
  readonly cpuMs: number;
  readonly peakRssMiB: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Watches the dynamic-provider processes that carry `marker` (a `NAME=value` entry) in their
 * environment, so providers of other runs on the same machine are never counted. CPU is user +
 * system time read from /proc at 20 Hz; a provider idles between its last operation and its end,
 * so the last sample holds all of its work.
 */
export function watchProviders(marker: string): { stop(): ProviderUsage } {
  const ours = new Map<number, { cpuTicks: number; peakKiB: number }>();
  const others = new Set<number>();
  const sample = () => {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (others.has(pid)) continue;
      try {
        if (!ours.has(pid)) {
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
          const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
          if (!cmdline.includes("dynamic-provider") || cmdline.includes("require.resolve") || !environ.includes(marker)) {
            others.add(pid);
            continue;
          }
          ours.set(pid, { cpuTicks: 0, peakKiB: 0 });
        }
        const figures = ours.get(pid);
        if (figures === undefined) continue;
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        figures.cpuTicks = Math.max(figures.cpuTicks, Number(fields[11]) + Number(fields[12]));
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        if (hwm !== undefined) figures.peakKiB = Math.max(figures.peakKiB, Number(hwm));
      } catch {
        // the process ended between listing and reading (or is not ours to read)
      }
    }
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const all = [...ours.values()];
      return {
        cpuMs: (all.reduce((sum, f) => sum + f.cpuTicks, 0) * 1000) / CLOCK_TICKS_PER_SECOND,
        peakRssMiB: all.reduce((max, f) => Math.max(max, f.peakKiB), 0) / 1024,
      };
    },
  };
}
