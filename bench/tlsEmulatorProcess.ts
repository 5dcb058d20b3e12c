import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

/** What the emulator has seen so far. */
export interface ServerCounts {
  readonly requests: number;
  readonly connections: number;
  readonly fullHandshakes: number;
  readonly resumedHandshakes: number;
}

/** The OSS emulator over https (test CA certificate) in a child process, so its CPU is not the client's. */
export interface TlsEmulatorProcess {
  readonly port: number;
  counts(): Promise<ServerCounts>;
  stop(): Promise<void>;
}

export async function startTlsEmulatorProcess(credentials: { accessKeyId: string; secretAccessKey: string }, buckets: readonly string[]): Promise<TlsEmulatorProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, "../test/emulator/tlsMain.js"), ...buckets], {
    env: { ...process.env, EMULATOR_ACCESS_KEY_ID: credentials.accessKeyId, EMULATOR_SECRET: credentials.secretAccessKey },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const iterator = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const url = new URL(String((await iterator.next()).value));
  return {
    port: Number(url.port),
    async counts() {
      child.stdin.write("\n");
      return JSON.parse(String((await iterator.next()).value)) as ServerCounts;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await exited;
    },
  };
}
