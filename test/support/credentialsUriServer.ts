import type http from "node:http";
import { LoopbackServer } from "./loopbackServer";

/** How the stand-in credentials service answers. */
export type UriBehaviour =
  /** The documented JSON, with temporary keys valid for an hour. */
  | { readonly kind: "issue"; readonly code?: string }
  /** A status and a body, as written. */
  | { readonly kind: "answer"; readonly status: number; readonly body: string; readonly contentLength?: boolean }
  /** A 200 whose body comes one byte a second, for ever. */
  | { readonly kind: "drip" }
  /** A 200 of `bytes` bytes (chunked, no length), written as fast as the client takes it. */
  | { readonly kind: "flood"; readonly bytes: number };

/**
 * A loopback credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`) that answers as told, and records
 * what it saw and how much it wrote (a client that gives up must stop the flood).
 */
export class CredentialsUriServer {
  behaviour: UriBehaviour = { kind: "issue" };
  readonly requests: Array<{ readonly url: string; readonly authorization?: string }> = [];
  /** Body bytes written, across every answer. */
  bytesWritten = 0;
  private readonly server = new LoopbackServer((req, res) => this.handle(req, res));

  /** Starts; returns the base URL. */
  start(): Promise<string> {
    return this.server.start();
  }

  /** Stops, closing every connection (a drip holds one open). */
  stop(): Promise<void> {
    return this.server.stop();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push({ url: req.url ?? "", ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}) });
    const b = this.behaviour;
    switch (b.kind) {
      case "issue": {
        const body = JSON.stringify({
          ...(b.code !== undefined ? { Code: b.code } : {}),
          AccessKeyId: "STS.uri-id",
          AccessKeySecret: "uri-Secret/issued",
          SecurityToken: "CAIS-uri-token",
          Expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        });
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) }).end(body);
        this.bytesWritten += Buffer.byteLength(body);
        return;
      }
      case "answer":
        res.writeHead(b.status, { "Content-Type": "application/json", ...(b.contentLength === false ? {} : { "Content-Length": String(Buffer.byteLength(b.body)) }) }).end(b.body);
        this.bytesWritten += Buffer.byteLength(b.body);
        return;
      case "drip": {
        res.writeHead(200, { "Content-Type": "application/json" });
        const text = '{"Code":"Success","AccessKeyId":"STS.drip"';
        let i = 0;
        const timer = setInterval(() => {
          res.write(text[i % text.length]);
          this.bytesWritten++;
          i++;
        }, 1_000);
        res.on("close", () => clearInterval(timer));
        return;
      }
      case "flood": {
        res.writeHead(200, { "Content-Type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = b.bytes;
        let open = true;
        res.on("close", () => {
          open = false;
        });
        const pump = (): void => {
          while (open && left > 0) {
            const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
            left -= piece.length;
            this.bytesWritten += piece.length;
            if (!res.write(piece)) {
              res.once("drain", pump);
              return;
            }
          }
          if (open) res.end();
        };
        pump();
        return;
      }
    }
  }
}
