import net from "node:net";

/** A TCP proxy on 127.0.0.1 that makes a loopback server look `rttMs` away. */
export interface LatencyProxy {
  readonly port: number;
  /** TCP connections accepted so far. */
  readonly connections: () => number;
  stop(): Promise<void>;
}

/**
 * A one-way delay line: chunks leave `delayMs` after they arrive (never before `notBefore`), in
 * order. One timer per line, so order holds however the event loop is loaded.
 */
class DelayLine {
  private readonly queue: Array<{ due: number; chunk: Buffer | null }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly deliver: (chunk: Buffer | null) => void,
    private notBefore = 0,
  ) {}

  /** Queues a chunk (`null` for the end of the stream). */
  push(chunk: Buffer | null): void {
    this.queue.push({ due: Math.max(Date.now() + this.delayMs, this.notBefore), chunk });
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      while (this.queue.length > 0 && (this.queue[0]?.due ?? Infinity) <= now) this.deliver(this.queue.shift()?.chunk ?? null);
      this.schedule();
    }, Math.max(0, (this.queue[0]?.due ?? 0) - Date.now()));
  }
}

/**
 * Starts a proxy to `127.0.0.1:targetPort` that adds `rttMs` of round trip: every byte takes
 * rttMs/2 each way, and a new connection carries nothing before one full round trip has passed
 * (the TCP handshake a real link pays before the client's first byte can leave).
 */
export async function startLatencyProxy(targetPort: number, rttMs: number): Promise<LatencyProxy> {
  let connections = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on("close", () => open.delete(socket));
    }
    const toServer = new DelayLine(rttMs / 2, (chunk) => (chunk === null ? upstream.end() : upstream.write(chunk)), Date.now() + rttMs + rttMs / 2);
    const toClient = new DelayLine(rttMs / 2, (chunk) => (chunk === null ? client.end() : client.write(chunk)));
    client.on("data", (chunk: Buffer) => toServer.push(chunk));
    client.on("end", () => toServer.push(null));
    upstream.on("data", (chunk: Buffer) => toClient.push(chunk));
    upstream.on("end", () => toClient.push(null));
    const teardown = () => {
      toServer.stop();
      toClient.stop();
      client.destroy();
      upstream.destroy();
    };
    client.on("error", teardown);
    upstream.on("error", teardown);
    client.on("close", () => setTimeout(teardown, rttMs));
    upstream.on("close", () => setTimeout(teardown, rttMs));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    async stop() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
