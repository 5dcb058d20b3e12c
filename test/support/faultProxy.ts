import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Fault, FaultPlan } from "../emulator/faults";

/** One request the proxy forwarded (or answered with a fault). */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly fault?: Fault["kind"];
  readonly status: number;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of an S3 server (MinIO): it counts requests and can inject
 * the same faults as the emulator. The Host header is passed through unchanged, so signatures
 * made for the proxy's address verify at the server.
 */
export class FaultProxy {
  readonly log: ProxiedRequest[] = [];
  readonly faults = new FaultPlan();
  private readonly sockets = new Set<Socket>();
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(private readonly target: string) {
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests whose path addresses `bucket` with `?encryption`. */
  requestsTo(bucket: string): ProxiedRequest[] {
    return this.log.filter((r) => r.path.startsWith(`/${bucket}/?encryption`) || r.path.startsWith(`/${bucket}?encryption`));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const fault = this.faults.next();
    if (fault !== undefined && fault.kind !== "lost-response") {
      this.log.push({ method, path, fault: fault.kind, status: fault.kind === "status" ? fault.status : 0 });
      await answerWithFault(fault, res);
      return;
    }
    const lost = fault?.kind === "lost-response";
    const target = new URL(this.target);
    const upstream = http.request(
      { hostname: target.hostname, port: target.port, method, path, headers: req.headers, agent: this.agent },
      (up) => {
        this.log.push({ method, path, status: up.statusCode ?? 0, ...(lost ? { fault: "lost-response" as const } : {}) });
        if (lost) {
          // The server carried the request out; its reply is dropped on the way back.
          up.resume();
          res.socket?.destroy();
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      this.log.push({ method, path, status: 502 });
      res.destroy();
    });
    upstream.end(Buffer.concat(chunks));
  }
}

async function answerWithFault(fault: Fault, res: http.ServerResponse): Promise<void> {
  switch (fault.kind) {
    case "status": {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${fault.code}</Code><Message>Please reduce your request rate.</Message><RequestId>PROXYFAULT</RequestId></Error>`;
      res.writeHead(fault.status, {
        "Content-Type": "application/xml",
        "Content-Length": String(Buffer.byteLength(body)),
        ...(fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {}),
      });
      res.end(body);
      return;
    }
    case "reset":
      res.socket?.destroy();
      return;
    case "hang":
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      res.socket?.destroy();
      return;
    case "truncate":
      res.writeHead(200, { "Content-Type": "application/xml", "Content-Length": "400" });
      res.write("<ServerSideEncryptionConfiguration>");
      await new Promise((resolve) => setTimeout(resolve, 5));
      res.socket?.destroy();
      return;
    case "lost-response":
      return;
    case "huge": {
      const body = `<ServerSideEncryptionConfiguration>${"<x/>".repeat(100_000)}</ServerSideEncryptionConfiguration>`;
      res.writeHead(200, { "Content-Type": "application/xml", "Content-Length": String(body.length) });
      res.end(body);
      return;
    }
    case "malformed": {
      const body = "<ServerSideEncryptionConfiguration><Rule><Apply";
      res.writeHead(200, { "Content-Type": "application/xml", "Content-Length": String(body.length) });
      res.end(body);
      return;
    }
  }
}
