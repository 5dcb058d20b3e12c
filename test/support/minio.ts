import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
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
  /** The CA that issued the server's certificate, when it serves https. */
  readonly ca?: Buffer;
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

/** Optional https (a certificate, its key and the CA that issued it) and virtual-hosted names under `domain`. */
export interface MinioOptions {
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer; readonly ca: Buffer };
  /** The regional endpoint name, e.g. `s3.cn-north-1.jdcloud-oss.com`: `<bucket>.<domain>` addresses a bucket. */
  readonly domain?: string;
}

/**
 * Starts MinIO from `binary` with a fresh data directory and waits until it is ready. A free port
 * can be taken by another process between the probe and MinIO's own bind (other test runs share
 * the machine): that one failure is tried again on new ports, twice at most.
 */
export async function startMinio(binary: string, region = "cn-north-1", options: MinioOptions = {}): Promise<MinioServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startMinioOnce(binary, region, options);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes("port is already in use")) throw error;
    }
  }
}

async function startMinioOnce(binary: string, region: string, options: MinioOptions): Promise<MinioServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "minio-"));
  const certsDir = path.join(dataDir, ".certs");
  if (options.tls !== undefined) {
    mkdirSync(certsDir);
    writeFileSync(path.join(certsDir, "public.crt"), options.tls.cert);
    writeFileSync(path.join(certsDir, "private.key"), options.tls.key);
  }
  const port = await freePort();
  const consolePort = await freePort();
  const accessKeyId = "minio-e2e";
  const secretAccessKey = randomBytes(18).toString("base64url");
  const kmsKeyName = "e2e-key";
  const child: ChildProcess = spawn(
    binary,
    ["server", path.join(dataDir, "data"), "--address", `127.0.0.1:${port}`, "--console-address", `127.0.0.1:${consolePort}`, "--quiet", ...(options.tls !== undefined ? ["--certs-dir", certsDir] : [])],
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
        ...(options.domain !== undefined ? { MINIO_DOMAIN: options.domain } : {}),
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `${options.tls !== undefined ? "https" : "http"}://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`MinIO exited (${child.exitCode}): ${stderr}`);
    }
    if (await isReady(`${url}/minio/health/ready`, options.tls?.ca)) break;
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
    ...(options.tls !== undefined ? { ca: options.tls.ca } : {}),
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

// One readiness probe; over https it trusts `ca` (the test CA), as fetch cannot be told to.
function isReady(url: string, ca: Buffer | undefined): Promise<boolean> {
  if (ca === undefined) {
    return fetch(url).then(
      (res) => res.ok,
      () => false,
    );
  }
  return new Promise((resolve) => {
    https
      .get(url, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on("error", () => resolve(false));
  });
}
