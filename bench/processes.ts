import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

/** The OSS emulator in a child process, so its CPU is not the client's. */
export interface EmulatorProcess {
  readonly url: string;
  /** Requests the emulator has received so far. */
  requestCount(): Promise<number>;
  /** ListBuckets requests the emulator has received so far. */
  listRequestCount(): Promise<number>;
  /** GETs of a bucket's rule (GetBucketEncryption) the emulator has received so far. */
  ruleGetCount(): Promise<number>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(
  credentials: { accessKeyId: string; secretAccessKey: string },
  buckets: readonly string[],
  options: { readonly latencyMs?: number } = {},
): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, "../test/emulator/main.js"), ...buckets], {
    env: {
      ...process.env,
      EMULATOR_ACCESS_KEY_ID: credentials.accessKeyId,
      EMULATOR_SECRET: credentials.secretAccessKey,
      EMULATOR_LATENCY_MS: String(options.latencyMs ?? 0),
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const url = String(first.value);
  return {
    url,
    async requestCount() {
      child.stdin.write("\n");
      return Number((await iterator.next()).value);
    },
    async listRequestCount() {
      child.stdin.write("list\n");
      return Number((await iterator.next()).value);
    },
    async ruleGetCount() {
      child.stdin.write("get\n");
      return Number((await iterator.next()).value);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await exited;
    },
  };
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
