import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import tls from "node:tls";
import { REPO_ROOT } from "./tools";

const TLS_FIXTURES = path.join(REPO_ROOT, "test/fixtures/tls");

/** The test CA's certificate (trust it as a private CA) and a server certificate and key by name. */
export const testCa = (): Buffer => readFileSync(path.join(TLS_FIXTURES, "ca.crt"));
export const testCertificate = (name: "regional" | "only-a" | "only-c"): { key: Buffer; cert: Buffer } => ({
  key: readFileSync(path.join(TLS_FIXTURES, `${name}.key`)),
  cert: readFileSync(path.join(TLS_FIXTURES, `${name}.crt`)),
});

/** One request as the server saw it: the name the connection was opened for and the Host asked. */
export interface SeenRequest {
  readonly connection: number;
  readonly servername: string;
  readonly host: string;
  readonly status: number;
}

/** Counters of what reached the server. */
export interface ServerCounts {
  connections: number;
  fullHandshakes: number;
  resumedHandshakes: number;
}

/**
 * An https server on 127.0.0.1 for transport tests: it records, for each request, which
 * connection carried it and the name that connection was opened for (SNI), and counts
 * connections and full and resumed handshakes. With `certificates`, it presents the certificate
 * chosen by SNI; with `misdirect: "coalesced"`, it answers 421 to a request whose Host is not the
 * name its connection was opened for, as a server that refuses coalesced requests does (with
 * `"always"`, to every request).
 */
export class TlsTestServer {
  readonly seen: SeenRequest[] = [];
  readonly counts: ServerCounts = { connections: 0, fullHandshakes: 0, resumedHandshakes: 0 };
  private readonly server: https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly ids = new WeakMap<tls.TLSSocket, number>();

  constructor(options: { certificates?: Readonly<Record<string, { key: Buffer; cert: Buffer }>>; misdirect?: "coalesced" | "always" } = {}) {
    const contexts = new Map(Object.entries(options.certificates ?? {}).map(([name, pair]) => [name, tls.createSecureContext(pair)]));
    const fallback = testCertificate("regional");
    this.server = https.createServer(
      {
        ...fallback,
        ...(contexts.size > 0 ? { SNICallback: (name: string, done: (err: Error | null, ctx?: tls.SecureContext) => void) => done(null, contexts.get(name)) } : {}),
      },
      (req, res) => {
        const socket = req.socket as tls.TLSSocket;
        const servername = (socket as tls.TLSSocket & { servername?: string | false }).servername;
        const host = (req.headers.host ?? "").replace(/:\d+$/, "");
        const status = options.misdirect === "always" || (options.misdirect === "coalesced" && servername !== host) ? 421 : 200;
        this.seen.push({ connection: this.ids.get(socket) ?? -1, servername: typeof servername === "string" ? servername : "", host, status });
        req.resume();
        req.on("end", () => {
          const body = status === 421 ? "misdirected" : `ok ${host}`;
          res.writeHead(status, { "content-type": "text/plain", "content-length": String(Buffer.byteLength(body)) });
          res.end(body);
        });
      },
    );
    this.server.on("connection", (socket: Socket) => {
      this.counts.connections++;
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    this.server.on("secureConnection", (socket: tls.TLSSocket) => {
      this.ids.set(socket, this.counts.fullHandshakes + this.counts.resumedHandshakes);
      if (socket.isSessionReused()) this.counts.resumedHandshakes++;
      else this.counts.fullHandshakes++;
    });
  }

  /** Starts on a free port of 127.0.0.1 and returns it. */
  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.port;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Closes every connection and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A `lookup` for agents that sends every name to 127.0.0.1, as the tests' names do not exist. */
export function lookupLoopback(
  _hostname: string,
  options: { all?: boolean } | number | undefined,
  callback: (err: NodeJS.ErrnoException | null, address: string | Array<{ address: string; family: number }>, family?: number) => void,
): void {
  if (typeof options === "object" && options.all === true) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}
