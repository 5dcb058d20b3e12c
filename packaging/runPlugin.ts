import { type ChildProcessByStdio, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

/** A plugin process started as the engine starts it, whose first stdout line named its port. */
export interface RunningPlugin {
  readonly port: number;
  /** Milliseconds from the spawn to the port line. */
  readonly startupMs: number;
  /** What it wrote to stderr so far (the last 8 KiB). */
  stderr(): string;
  /** Stops the process and waits for it to exit. */
  stop(): Promise<void>;
}

const FIRST_LINE_LIMIT = 1024;
const STDERR_LIMIT = 8 * 1024;
const STOP_GRACE_MS = 5_000;

/**
 * An environment with nothing of this machine's Node.js reachable: PATH is an empty folder. On
 * Windows SystemRoot stays, without which its socket library does not start.
 */
export function bareEnvironment(emptyDir: string): NodeJS.ProcessEnv {
  const systemRoot = process.env["SystemRoot"];
  return { PATH: emptyDir, ...(process.platform === "win32" && systemRoot !== undefined ? { SystemRoot: systemRoot } : {}) };
}

/**
 * Starts the plugin executable as the Pulumi engine does (the engine's address as the only
 * argument; here a closed loopback port, since a plugin must print its port before it talks to
 * the engine) and waits, at most `timeoutMs`, for the first stdout line: the port it serves on.
 * By default in a bare environment ({@link bareEnvironment}).
 */
export function startPlugin(executable: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunningPlugin> {
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), "plugin-path-"));
  const started = performance.now();
  const child = spawn(executable, ["127.0.0.1:1"], { env: options.env ?? bareEnvironment(emptyDir), stdio: ["ignore", "pipe", "pipe"] });
  const stop = (): Promise<void> => stopProcess(child).finally(() => rmSync(emptyDir, { recursive: true, force: true }));
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = `${stderr}${chunk.toString("utf8")}`.slice(-STDERR_LIMIT)));
  return new Promise<RunningPlugin>((resolve, reject) => {
    let stdout = "";
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}; stderr: ${JSON.stringify(stderr)}`)));
    };
    const timer = setTimeout(() => fail(`no port line within ${options.timeoutMs ?? 60_000} ms`), options.timeoutMs ?? 60_000);
    child.on("error", (error) => fail(`could not start: ${error.message}`));
    child.on("exit", (code, signal) => fail(`exited (${code ?? signal ?? "?"}) before printing its port`));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const newline = stdout.indexOf("\n");
      if (newline < 0 && stdout.length < FIRST_LINE_LIMIT) return;
      const line = stdout.slice(0, newline < 0 ? FIRST_LINE_LIMIT : newline).trim();
      child.stdout.removeAllListeners("data");
      child.removeAllListeners("exit");
      clearTimeout(timer);
      const port = /^\d{1,5}$/.test(line) ? Number(line) : NaN;
      if (!(port > 0 && port < 65536)) {
        fail(`the first stdout line is not a port: ${JSON.stringify(line.slice(0, 80))}`);
        return;
      }
      child.stdout.resume();
      resolve({ port, startupMs: performance.now() - started, stderr: () => stderr, stop });
    });
  });
}

/** Asks the plugin on `port` for its version (GetPluginInfo), within `timeoutMs`. */
export function pluginVersion(port: number, timeoutMs = 10_000): Promise<string> {
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.getPluginInfo(new Empty(), new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (error, info) => {
      client.close();
      if (error !== null) reject(error);
      else resolve(info.getVersion());
    });
  });
}

function stopProcess(child: ChildProcessByStdio<null, Readable, Readable>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
