import http from "node:http";
import { LoopbackServer } from "./loopbackServer";

/** How much load the service takes before it throttles. */
export interface ThrottleLimits {
  /** Requests the service works on at once; one more is answered 503 SlowDown at once. */
  readonly maxInFlight: number;
  /** Requests admitted per second (a token bucket of this size, refilled continuously). */
  readonly perSecond: number;
}

/** What the proxy saw. */
export interface ThrottleCounts {
  requests: number;
  throttled: number;
  /** The most requests forwarded at once. */
  peakInFlight: number;
}

const SLOW_DOWN = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>THROTTLED</RequestId></Error>`;

/**
 * A proxy on 127.0.0.1 in front of a server (the emulator) that throttles by load, as OSS and S3
 * do: a request beyond `maxInFlight` at once, or beyond `perSecond`, is answered 503 SlowDown at
 * once without reaching the server; the rest are forwarded unchanged (Host included, so
 * signatures made for the proxy verify at the server).
 */
export class ThrottlingProxy {
  readonly counts: ThrottleCounts = { requests: 0, throttled: 0, peakInFlight: 0 };
  private inFlight = 0;
  private tokens: number;
  private refilledAt = Date.now();
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly server = new LoopbackServer((req, res) => this.handle(req, res));

  constructor(
    private readonly target: string,
    private readonly limits: ThrottleLimits,
  ) {
    this.tokens = limits.perSecond;
  }

  /** Starts; returns the base URL. */
  start(): Promise<string> {
    return this.server.start();
  }

  /** Stops, closing open connections. */
  async stop(): Promise<void> {
    this.agent.destroy();
    await this.server.stop();
  }

  private admit(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limits.perSecond, this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond);
    this.refilledAt = now;
    if (this.inFlight >= this.limits.maxInFlight || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.counts.requests++;
    if (!this.admit()) {
      this.counts.throttled++;
      req.resume();
      res.writeHead(503, { "Content-Type": "application/xml", "Content-Length": String(Buffer.byteLength(SLOW_DOWN)), "x-oss-request-id": "THROTTLED" }).end(SLOW_DOWN);
      return;
    }
    this.inFlight++;
    this.counts.peakInFlight = Math.max(this.counts.peakInFlight, this.inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        this.inFlight--;
      }
    };
    res.on("close", finish);
    const target = new URL(this.target);
    const upstream = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: this.agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  }
}
