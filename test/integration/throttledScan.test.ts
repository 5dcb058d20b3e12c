import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { scanFleet } from "../../cli/scan/scanFleet";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { OssEmulator } from "../emulator/ossEmulator";
import { runBuiltCli } from "../support/builtCli";
import { type ThrottleLimits, ThrottlingProxy } from "../support/throttlingProxy";

// A scan of 300 buckets through a service that throttles by load, as OSS and S3 do (503 SlowDown
// past what it takes at once, or per second). At a fixed concurrency of 8 most requests are
// throttled and many buckets end as errors after their 5 attempts; the CLI's scan, whose requests
// (retries included) wait for room under a limit that halves while the service throttles, reads
// every bucket.

const KEYS = { accessKeyId: "LTAI-throttle-id", secretAccessKey: "throttle-Secret/aliyun" };
const BUCKETS = Array.from({ length: 300 }, (_, i) => `throttle-${String(i).padStart(3, "0")}`);

interface Scenario {
  readonly label: string;
  readonly limits: ThrottleLimits;
  /** How long the service works on each request it takes. */
  readonly latencyMs: number;
}

const scenarios: Scenario[] = [
  { label: "one request at a time, 100 ms each", limits: { maxInFlight: 1, perSecond: 1_000 }, latencyMs: 100 },
  { label: "10 requests a second", limits: { maxInFlight: 100, perSecond: 10 }, latencyMs: 20 },
];

for (const scenario of scenarios) {
  describe(`a throttled scan: ${scenario.label}`, () => {
    const emulator = new OssEmulator([KEYS]);
    const cwd = mkdtempSync(path.join(os.tmpdir(), "throttled-scan-"));
    let upstream = "";
    const throttled = async <T>(run: (endpoint: string, proxy: ThrottlingProxy) => Promise<T>): Promise<{ result: T; proxy: ThrottlingProxy; seconds: number }> => {
      const proxy = new ThrottlingProxy(upstream, scenario.limits);
      const endpoint = await proxy.start();
      const started = Date.now();
      try {
        const result = await run(endpoint, proxy);
        return { result, proxy, seconds: (Date.now() - started) / 1000 };
      } finally {
        await proxy.stop();
      }
    };
    const figures = (f: { read: number; errors: number; lowest: number | string; proxy: ThrottlingProxy; seconds: number }) =>
      `${f.read} buckets read, ${f.errors} errors, lowest concurrency ${f.lowest}, ${f.proxy.counts.requests} requests (${Math.round((100 * f.proxy.counts.throttled) / f.proxy.counts.requests)}% throttled), ${f.seconds.toFixed(1)} s`;

    before(async () => {
      upstream = await emulator.start();
      emulator.latencyMs = scenario.latencyMs;
      for (const b of BUCKETS) {
        emulator.createBucket(b);
        emulator.setRule(b, { SSEAlgorithm: "AES256" });
      }
    });
    after(async () => {
      await emulator.stop();
      rmSync(cwd, { recursive: true, force: true });
    });

    it("at a fixed concurrency of 8, most requests are throttled and buckets end as errors", async (t) => {
      const client = new EncryptionClient({ credentials: () => KEYS });
      const { result, proxy, seconds } = await throttled((endpoint) => scanFleet(client, [{ cloud: "aliyun", region: "cn-hangzhou", endpoint }], { concurrency: 8 }));
      client.close();
      const errors = result.statuses.filter((s) => s.finding.kind === "error").length;
      t.diagnostic(`fixed: ${figures({ read: result.statuses.length - errors, errors, lowest: 8, proxy, seconds })}`);
      // The scenario must be hard enough for the comparison to mean anything.
      assert.ok(proxy.counts.throttled / proxy.counts.requests > 0.5, `${proxy.counts.throttled} of ${proxy.counts.requests} throttled`);
      assert.ok(errors >= 20, `${errors} errors`);
    });

    it("the CLI's scan (default concurrency 8) lowers its concurrency and reads every bucket (exit 0)", async (t) => {
      const { result: run, proxy, seconds } = await throttled((endpoint) =>
        runBuiltCli(["scan", "--target", `aliyun:cn-hangzhou=${endpoint}`, "--format", "json"], { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.secretAccessKey }, { cwd, killAfterMs: 240_000 }),
      );
      const summary = run.code === 0 || run.code === 1 ? (JSON.parse(run.stdout) as { summary: { buckets: number; encrypted: number; errors: number } }).summary : undefined;
      const lowest = /concurrency went down to (\d+) \(of 8\)/.exec(run.stderr)?.[1] ?? "8";
      t.diagnostic(`adaptive: ${figures({ read: (summary?.buckets ?? 0) - (summary?.errors ?? 0), errors: summary?.errors ?? -1, lowest, proxy, seconds })}`);
      assert.equal(run.code, 0, run.stderr.slice(-2_000));
      assert.deepEqual(summary, { buckets: 300, encrypted: 300, unencrypted: 0, errors: 0 });
      assert.ok(Number(lowest) < 8, run.stderr.slice(-500));
    });
  });
}
