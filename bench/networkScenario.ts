import { randomBytes } from "node:crypto";
import path from "node:path";
import { readFileSync } from "node:fs";
import { startMinio } from "../test/support/minio";
import { PulumiProject } from "../test/support/pulumiCli";
import { S3Oracle } from "../test/support/s3Oracle";
import type { Tools } from "../test/support/tools";
import { REPO_ROOT } from "../test/support/tools";
import { startLatencyProxy } from "./latencyProxy";
import { installContenderModules, type NetworkContender } from "./networkContenders";
import type { CommandName, NetworkFigure } from "./networkReport";
import { startEmulatorProcess } from "./processes";
import { watchProviders } from "./providerWatch";
import { type ServerCounts, startTlsEmulatorProcess } from "./tlsEmulatorProcess";

/** The clouds' regional names the benchmark resolves to 127.0.0.1. */
export const LOOPBACK_SUFFIXES = ["aliyuncs.com", "jdcloud-oss.com"];

const CREDENTIALS = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };
const NO_COUNTS: ServerCounts = { requests: 0, connections: 0, fullHandshakes: 0, resumedHandshakes: 0 };
const UNCOUNTED: ServerCounts = { requests: NaN, connections: NaN, fullHandshakes: NaN, resumedHandshakes: NaN };
const JDCLOUD_DOMAIN = "s3.cn-north-1.jdcloud-oss.com";
const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, "test/fixtures/tls", name));

/**
 * Runs `up`, `refresh` and `destroy` over N buckets for one contender, through a proxy that adds
 * `rttMs` of round trip, and measures each command: wall time, requests, TCP connections, full
 * and resumed TLS handshakes (counted by the server), the provider's CPU and peak memory.
 */
export async function runNetworkCycle(tools: Tools, contender: NetworkContender, n: number, rttMs: number): Promise<Record<CommandName, NetworkFigure>> {
  const buckets = Array.from({ length: n }, (_, i) => `bench-${String(i).padStart(3, "0")}`);
  const tlsServer = contender.addressing === "names-tls" || contender.addressing === "none" ? await startTlsEmulatorProcess(CREDENTIALS, buckets) : undefined;
  const httpServer = contender.addressing === "ip-http" ? await startEmulatorProcess(CREDENTIALS, buckets) : undefined;
  const minio =
    contender.addressing === "jdcloud-names-tls"
      ? await startMinio(tools.minio, "cn-north-1", { tls: { cert: fixture("regional.crt"), key: fixture("regional.key"), ca: fixture("ca.crt") }, domain: JDCLOUD_DOMAIN })
      : undefined;
  if (minio !== undefined) {
    const oracle = new S3Oracle(minio);
    for (const bucket of buckets) await oracle.createBucket(bucket);
    oracle.close();
  }
  const serverPort = tlsServer?.port ?? Number(new URL(httpServer?.url ?? minio?.url ?? "http://x:0").port);
  const proxy = await startLatencyProxy(serverPort, rttMs);
  // MinIO counts nothing for us: its requests and handshakes are left out (NaN prints as "–").
  const counts = async (): Promise<ServerCounts> => {
    if (tlsServer !== undefined) return tlsServer.counts();
    if (minio !== undefined) return UNCOUNTED;
    return { ...NO_COUNTS, requests: (await httpServer?.requestCount()) ?? 0 };
  };
  const endpoint =
    contender.addressing === "ip-http"
      ? `http://127.0.0.1:${proxy.port}`
      : contender.addressing === "jdcloud-names-tls"
        ? `https://${JDCLOUD_DOMAIN}:${proxy.port}`
        : `https://oss-cn-hangzhou.aliyuncs.com:${proxy.port}`;
  const marker = `BENCH_RUN_MARKER=${randomBytes(8).toString("hex")}`;
  const project = await PulumiProject.create({
    tools,
    program: contender.program(buckets, endpoint),
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIALS.secretAccessKey,
      ...(minio !== undefined ? { JDCLOUD_ACCESS_KEY: minio.accessKeyId, JDCLOUD_SECRET_KEY: minio.secretAccessKey } : {}),
      // A private CA, trusted as users trust one: by the file Node reads at start.
      NODE_EXTRA_CA_CERTS: path.join(REPO_ROOT, "test/fixtures/tls/ca.crt"),
      NODE_OPTIONS: `--require ${path.join(REPO_ROOT, "build/bench/resolveToLoopback.js")}`,
      BENCH_LOOPBACK_SUFFIXES: LOOPBACK_SUFFIXES.join(","),
      [marker.split("=")[0] ?? ""]: marker.split("=")[1] ?? "",
      ...contender.env,
    },
  });
  installContenderModules(contender, path.join(project.dir, "node_modules"));
  const measure = async (argv: string[]): Promise<NetworkFigure> => {
    const before = await counts();
    const connectionsBefore = proxy.connections();
    const watch = watchProviders(marker);
    const started = process.hrtime.bigint();
    await project.must(argv);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = watch.stop();
    const after = await counts();
    return {
      seconds,
      requests: after.requests - before.requests,
      connections: proxy.connections() - connectionsBefore,
      fullHandshakes: after.fullHandshakes - before.fullHandshakes,
      resumedHandshakes: after.resumedHandshakes - before.resumedHandshakes,
      providerCpuMs: usage.cpuMs,
      providerPeakRssMiB: usage.peakRssMiB,
    };
  };
  try {
    const up = await measure(["up", "--yes", "--skip-preview"]);
    const refresh = await measure(["refresh", "--yes", "--skip-preview"]);
    const destroy = await measure(["destroy", "--yes", "--skip-preview"]);
    return { up, refresh, destroy };
  } finally {
    project.dispose();
    await proxy.stop();
    await tlsServer?.stop();
    await httpServer?.stop();
    await minio?.stop();
  }
}
