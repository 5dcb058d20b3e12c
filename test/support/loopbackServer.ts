import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type tls from "node:tls";

/** What reached a server: TCP connections, and (over TLS) full and resumed handshakes. */
export interface ConnectionCounts {
  connections: number;
  fullHandshakes: number;
  resumedHandshakes: number;
}

/**
 * An HTTP server on a free port of 127.0.0.1 that can always be stopped: it tracks its
 * connections and closes them on stop, including ones a hang fault holds open. Given a key and
 * certificate it serves https instead, and counts full and resumed handshakes.
 */
export class LoopbackServer {
  readonly counts: ConnectionCounts = { connections: 0, fullHandshakes: 0, resumedHandshakes: 0 };
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();

  constructor(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void, tlsOptions?: tls.SecureContextOptions) {
    this.server = tlsOptions !== undefined ? https.createServer(tlsOptions, handler) : http.createServer(handler);
    this.server.on("connection", (socket: Socket) => {
      this.counts.connections++;
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    this.server.on("secureConnection", (socket: tls.TLSSocket) => {
      if (socket.isSessionReused()) this.counts.resumedHandshakes++;
      else this.counts.fullHandshakes++;
    });
  }

  /** Starts listening and returns the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  /** `http://127.0.0.1:<port>` (`https://` when serving TLS). */
  get url(): string {
    return `${this.server instanceof https.Server ? "https" : "http"}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Closes every connection and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
