import { spawn } from "node:child_process";
import path from "node:path";
import { FaultProxy } from "../test/support/faultProxy";
import { startMinio } from "../test/support/minio";
import { S3Oracle } from "../test/support/s3Oracle";
import type { Tools } from "../test/support/tools";
import { mapBounded } from "../cli/concurrency/mapBounded";
import { startEmulatorProcess } from "./processes";

/** One scan run: what the command cost. */
export interface ScanFigures {
  readonly server: string;
  readonly buckets: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly listRequests: number;
  readonly ruleRequests: number;
  readonly peakRssMiB: number;
  readonly exitCode: number;
}

const CLI = path.join(__dirname, "../cli/main.js");

// The CLI in its own process, so wall time and peak memory are the command's own; the process
// reports its peak RSS on its last stderr line.
function runScan(args: readonly string[], env: Record<string, string>): Promise<{ code: number; seconds: number; peakRssMiB: number }> {
  const script = `require(${JSON.stringify(CLI)}).main(process.argv).then((code) => { process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n"); process.exitCode = code; });`;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    // With -e, argv[1] is the first argument: a placeholder stands where the script path would be.
    const child = spawn(process.execPath, ["-e", script, "--", "pulumi-bucket-encryption", ...args], { env: { PATH: process.env["PATH"] ?? "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /maxrss (\d+)/.exec(stderr)?.[1];
      if (rss === undefined || code === 1) reject(new Error(`the scan failed (exit ${code ?? "none"}): ${stderr.slice(-2000)}`));
      else resolve({ code: code ?? -1, seconds, peakRssMiB: Number(rss) / 1024 });
    });
  });
}

/**
 * `scan` over `count` buckets (a quarter with a rule) on the emulator (Aliyun dialect, in its own
 * process, pages of 1,000; once answering at once, once taking 20 ms per answer as a remote
 * region would, which is where the concurrency bound pays) and on MinIO (JD Cloud dialect, behind a counting proxy), at each
 * concurrency: wall time, requests counted at the server, and the command's peak memory.
 */
export async function fleetScanFigures(tools: Tools, count: number, concurrencies: readonly number[]): Promise<ScanFigures[]> {
  const names = Array.from({ length: count }, (_, i) => `fleet-${String(i).padStart(5, "0")}`);
  const figures: ScanFigures[] = [];
  const credentials = { accessKeyId: "LTAI-fleet-bench", secretAccessKey: "fleet-bench-secret" };
  for (const latencyMs of [0, 20]) {
    const emulator = await startEmulatorProcess(credentials, names.map((n, i) => (i % 4 === 0 ? `${n}=AES256` : n)), { latencyMs });
    const server = latencyMs === 0 ? "OSS emulator (Aliyun, OSS V4)" : `OSS emulator, ${latencyMs} ms per answer`;
    try {
      for (const concurrency of concurrencies) {
        const before = await emulator.requestCount();
        const listBefore = await emulator.listRequestCount();
        const run = await runScan(["scan", "--target", `aliyun:cn-hangzhou=${emulator.url}`, "--concurrency", String(concurrency), "--format", "json"], {
          ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.secretAccessKey,
        });
        const requests = (await emulator.requestCount()) - before;
        const listRequests = (await emulator.listRequestCount()) - listBefore;
        figures.push({ server, buckets: count, concurrency, seconds: run.seconds, listRequests, ruleRequests: requests - listRequests, peakRssMiB: run.peakRssMiB, exitCode: run.code });
      }
    } finally {
      await emulator.stop();
    }
  }

  const minio = await startMinio(tools.minio);
  const oracle = new S3Oracle(minio);
  const proxy = new FaultProxy(minio.url);
  try {
    const url = await proxy.start();
    await mapBounded(names, 8, async (n, i) => {
      await oracle.createBucket(n);
      if (i % 4 === 0) await oracle.setRule(n, { SSEAlgorithm: "aws:kms", KMSMasterKeyID: minio.kmsKeyName });
    });
    for (const concurrency of concurrencies) {
      proxy.log.length = 0;
      const run = await runScan(["scan", "--target", `jdcloud:${minio.region}=${url}`, "--concurrency", String(concurrency), "--format", "json"], {
        JDCLOUD_ACCESS_KEY: minio.accessKeyId,
        JDCLOUD_SECRET_KEY: minio.secretAccessKey,
      });
      const listRequests = proxy.log.filter((r) => r.path === "/" || r.path.startsWith("/?")).length;
      figures.push({ server: "MinIO (JD Cloud, S3 SigV4)", buckets: count, concurrency, seconds: run.seconds, listRequests, ruleRequests: proxy.log.length - listRequests, peakRssMiB: run.peakRssMiB, exitCode: run.code });
    }
  } finally {
    oracle.close();
    await proxy.stop();
    await minio.stop();
  }
  return figures;
}
