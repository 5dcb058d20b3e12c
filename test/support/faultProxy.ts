import http from "node:http";
import { answerWithFault, type Fault, type FaultStyle, FaultPlan } from "../emulator/faults";
import { LoopbackServer } from "./loopbackServer";

// Injected answers look like MinIO's own.
const S3_STYLE: FaultStyle = {
  errorBody: (code, message) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>PROXYFAULT</RequestId></Error>`,
  ruleRoot: "ServerSideEncryptionConfiguration",
  headers: { "x-amz-request-id": "PROXYFAULT" },
};

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
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));

  constructor(private readonly target: string) {}

  /** Starts on a free port of 127.0.0.1 and returns the base URL. */
  start(): Promise<string> {
    return this.server.start();
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.server.url;
  }

  /** Requests whose path addresses `bucket` with `?encryption`. */
  requestsTo(bucket: string): ProxiedRequest[] {
    return this.log.filter((r) => r.path.startsWith(`/${bucket}/?encryption`) || r.path.startsWith(`/${bucket}?encryption`));
  }

  /** Stops, closing open connections. */
  async stop(): Promise<void> {
    this.agent.destroy();
    await this.server.stop();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const fault = this.faults.next();
    if (fault !== undefined && fault.kind !== "lost-response") {
      this.log.push({ method, path, fault: fault.kind, status: fault.kind === "status" ? fault.status : 0 });
      await answerWithFault(fault, res, S3_STYLE);
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
