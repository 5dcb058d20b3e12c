import { readdirSync, readFileSync } from "node:fs";

/** CPU and peak memory of the dynamic-provider processes one command started. */
export interface ProviderUsage {
  readonly cpuMs: number;
  readonly peakRssMiB: number;
  /** How many provider processes were seen. */
  readonly processes: number;
}

const CLOCK_TICKS_PER_SECOND = 100;
const EXEC_GRACE_MS = 1000;

/** Whether a process's command line (NUL-separated) is a dynamic provider's (not its launcher's `node -e`). */
export function isDynamicProvider(cmdline: string): boolean {
  return cmdline.includes("dynamic-provider") && !cmdline.includes("require.resolve");
}

/**
 * Watches the provider processes (those whose command line `isProvider` accepts; dynamic
 * providers by default) that carry `marker` (a `NAME=value` entry) in their environment, so
 * providers of other runs on the same machine are never counted. CPU is user + system time read
 * from /proc at 20 Hz; a provider idles between its last operation and its end, so the last
 * sample holds all of its work.
 */
export function watchProviders(marker: string, isProvider: (cmdline: string) => boolean = isDynamicProvider): { stop(): ProviderUsage } {
  const ours = new Map<number, { cpuTicks: number; peakKiB: number }>();
  // Other processes, with when they were first seen: a process caught between fork and exec
  // still shows its parent's command line, so it is looked at again until the exec is surely done.
  const others = new Map<number, number>();
  const sample = () => {
    const now = performance.now();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      const seen = others.get(pid);
      if (seen !== undefined && now - seen > EXEC_GRACE_MS) continue;
      try {
        if (!ours.has(pid)) {
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
          const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
          if (!isProvider(cmdline) || !environ.includes(marker)) {
            if (seen === undefined) others.set(pid, now);
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
        processes: all.length,
      };
    },
  };
}
