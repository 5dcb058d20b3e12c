import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A MinIO server on 127.0.0.1 with a built-in KMS key, so `aws:kms` rules work. */
export interface MinioServer {
  readonly url: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The one KMS key the server knows (also accepted as `arn:aws:kms:<name>`). */
  readonly kmsKeyName: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts MinIO from `binary` with a fresh data directory and waits until it is ready. */
export async function startMinio(binary: string, region = "cn-north-1"): Promise<MinioServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "minio-"));
  const port = await freePort();
  const consolePort = await freePort();
  const accessKeyId = "minio-e2e";
  const secretAccessKey = randomBytes(18).toString("base64url");
  const kmsKeyName = "e2e-key";
  const child: ChildProcess = spawn(
    binary,
    ["server", dataDir, "--address", `127.0.0.1:${port}`, "--console-address", `127.0.0.1:${consolePort}`, "--quiet"],
    {
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: dataDir,
        MINIO_ROOT_USER: accessKeyId,
        MINIO_ROOT_PASSWORD: secretAccessKey,
        MINIO_KMS_SECRET_KEY: `${kmsKeyName}:${randomBytes(32).toString("base64")}`,
        // Makes the region in the signature scope strict, as a real service's is.
        MINIO_SITE_REGION: region,
        MINIO_BROWSER: "off",
        MINIO_UPDATE: "off",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`MinIO exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/minio/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`MinIO did not become ready in 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    region,
    accessKeyId,
    secretAccessKey,
    kmsKeyName,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
