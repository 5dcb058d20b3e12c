import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { describe, it } from "node:test";
import { watchProviders } from "../../bench/providerWatch";

// The benchmark's provider watcher reads /proc: it must find the processes it is told to find,
// including one that the CLI forks and that only then execs the provider (between the two, the
// child still shows its parent's command line), and leave every other process alone.

const NAME = "watched-provider-stand-in";
// Busy for a while, so there is CPU to count, then waits to be ended.
const WORK = "const end = Date.now() + 300; while (Date.now() < end); setTimeout(() => undefined, 60_000);";

async function watched(command: string, args: readonly string[], env: Record<string, string>, settleMs: number): Promise<ReturnType<ReturnType<typeof watchProviders>["stop"]>> {
  const marker = `BENCH_WATCH_TEST=${randomBytes(6).toString("hex")}`;
  const watch = watchProviders(marker, (cmdline) => cmdline.includes(NAME));
  const child = spawn(command, args, { env: { PATH: process.env["PATH"] ?? "", ...env, [marker.split("=")[0] ?? ""]: marker.split("=")[1] ?? "" }, stdio: "ignore" });
  try {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return watch.stop();
  } finally {
    child.kill("SIGKILL");
    await once(child, "exit");
  }
}

describe("the benchmark's provider watcher", { skip: process.platform !== "linux" && "reads /proc" }, () => {
  it("counts a process whose command line it accepts and that carries the marker", async () => {
    const usage = await watched(process.execPath, ["-e", WORK, NAME], {}, 900);
    assert.equal(usage.processes, 1);
    assert.ok(usage.cpuMs > 0, `cpu ${usage.cpuMs} ms`);
    assert.ok(usage.peakRssMiB > 0);
  });

  it("finds a provider that a shell execs after first showing another command line", async () => {
    // The shell's own command line does not name the provider; the node it execs 300 ms later does.
    const usage = await watched("/bin/sh", ["-c", `sleep 0.3; exec "${process.execPath}" -e "$WORK" "$PROVIDER_NAME"`], { WORK, PROVIDER_NAME: NAME }, 1200);
    assert.equal(usage.processes, 1);
  });

  it("leaves out a process without the marker, and one whose command line it does not accept", async () => {
    const marker = `BENCH_WATCH_TEST=${randomBytes(6).toString("hex")}`;
    const watch = watchProviders(marker, (cmdline) => cmdline.includes(NAME));
    const unmarked = spawn(process.execPath, ["-e", WORK, NAME], { stdio: "ignore" });
    const [name, value] = marker.split("=");
    const other = spawn(process.execPath, ["-e", WORK, "another-name"], { env: { [name ?? ""]: value ?? "" }, stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.equal(watch.stop().processes, 0);
    } finally {
      for (const child of [unmarked, other]) child.kill("SIGKILL");
      await Promise.all([once(unmarked, "exit"), once(other, "exit")]);
    }
  });
});
