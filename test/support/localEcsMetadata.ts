import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import type { IssuedStsCredentials } from "./localSts";

/** The address the official library calls, hard-coded there: tests serve it inside a network namespace. */
export const ECS_METADATA_ADDRESS = "100.100.100.200";

/** One request the metadata service answered (never holds a secret). */
export interface MetadataCall {
  readonly method: string;
  readonly path: string;
  readonly withToken: boolean;
  readonly status: number;
}

/** How the service behaves. */
export interface LocalEcsMetadataOptions {
  readonly roleName: string;
  readonly lifetimeMs: number;
  /** Hardened mode only: every metadata read must carry a session token from PUT /latest/api/token. */
  readonly requireToken: boolean;
  /** Refuse to hand out session tokens (a metadata service that is down or blocks PUT). */
  readonly refuseTokens?: boolean;
}

/**
 * A local ECS instance metadata service for the RAM role: the session-token endpoint of the
 * hardened mode (`PUT /latest/api/token` with `X-aliyun-ecs-metadata-token-ttl-seconds`), the
 * role name and the role's temporary credentials, as ECS documents them.
 */
export class LocalEcsMetadata {
  readonly calls: MetadataCall[] = [];
  readonly issued = new Map<string, IssuedStsCredentials>();
  private readonly tokens = new Map<string, number>();
  private readonly sockets = new Set<Socket>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  constructor(private readonly options: LocalEcsMetadataOptions) {
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Listens on `host:80` (the metadata address inside a namespace). */
  async start(host: string = ECS_METADATA_ADDRESS): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(80, host, resolve);
    });
  }

  /** Stops, closing open connections. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The credentials issued under `accessKeyId` (what the OSS emulator trusts). */
  lookup(accessKeyId: string): IssuedStsCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? "/", "http://metadata").pathname;
    const method = req.method ?? "GET";
    const token = req.headers["x-aliyun-ecs-metadata-token"];
    const validToken = typeof token === "string" && (this.tokens.get(token) ?? 0) > Date.now();
    const send = (status: number, body: string, type = "text/plain") => {
      this.calls.push({ method, path, withToken: typeof token === "string", status });
      res.writeHead(status, { "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)) });
      res.end(body);
    };
    if (method === "PUT" && path === "/latest/api/token") {
      const ttl = Number(req.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]);
      if (this.options.refuseTokens === true) return send(403, "Forbidden");
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21_600) return send(400, "Bad Request");
      const issued = randomBytes(24).toString("base64url");
      this.tokens.set(issued, Date.now() + ttl * 1000);
      return send(200, issued);
    }
    if (method !== "GET") return send(405, "Method Not Allowed");
    if (this.options.requireToken && !validToken) return send(401, "Unauthorized");
    const prefix = "/latest/meta-data/ram/security-credentials/";
    if (path === prefix) return send(200, this.options.roleName);
    if (path === `${prefix}${this.options.roleName}`) {
      const credentials: IssuedStsCredentials = {
        accessKeyId: `STS.${randomBytes(12).toString("hex")}`,
        secretAccessKey: randomBytes(24).toString("base64url"),
        securityToken: `CAIS${randomBytes(48).toString("base64url")}`,
        expiresAt: Math.floor((Date.now() + this.options.lifetimeMs) / 1000) * 1000,
        roleArn: `acs:ram::1234567890123456:role/${this.options.roleName}`,
      };
      this.issued.set(credentials.accessKeyId, credentials);
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
      return send(200, JSON.stringify({
        AccessKeyId: credentials.accessKeyId,
        AccessKeySecret: credentials.secretAccessKey,
        SecurityToken: credentials.securityToken,
        Expiration: iso(credentials.expiresAt),
        LastUpdated: iso(Date.now()),
        Code: "Success",
      }), "application/json");
    }
    return send(404, "Not Found");
  }
}
