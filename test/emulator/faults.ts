import type http from "node:http";

/** A fault the emulator (or the fault proxy) can inject instead of a normal answer. */
export type Fault =
  | { readonly kind: "status"; readonly status: 500 | 503; readonly code: string; readonly retryAfterSeconds?: number }
  | { readonly kind: "reset" }
  | { readonly kind: "hang"; readonly ms: number }
  | { readonly kind: "truncate" }
  | { readonly kind: "malformed" }
  /** The request is carried out, then the connection drops before the answer: the lost reply. */
  | { readonly kind: "lost-response" }
  /** A 200 whose body is far larger than any rule. */
  | { readonly kind: "huge" }
  /** Any answer instead of the server's (the request is not carried out): a proxy's page, an error under 2xx. */
  | { readonly kind: "answer"; readonly status: number; readonly contentType?: string; readonly body: string; readonly retryAfter?: string };

/** The faults a random plan draws from, all of which a client should survive by retrying. */
export const TRANSIENT_FAULTS: readonly Fault[] = [
  { kind: "status", status: 503, code: "SlowDown", retryAfterSeconds: 0 },
  { kind: "status", status: 500, code: "InternalError" },
  { kind: "reset" },
  { kind: "truncate" },
  { kind: "malformed" },
  { kind: "lost-response" },
];

/** Mulberry32: a small seeded generator, so a failing soak can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Decides which requests get a fault: a queue of faults for the next requests, then, if set, a
 * random fault with probability `rate`.
 */
export class FaultPlan {
  private readonly queue: Fault[] = [];
  private random: (() => number) | undefined;
  private rate = 0;
  private faults: readonly Fault[] = TRANSIENT_FAULTS;
  /** How many faults were injected. */
  injected = 0;

  /** The next requests get these faults, in order. */
  enqueue(...faults: Fault[]): void {
    this.queue.push(...faults);
  }

  /** From now on, each request gets a fault from `faults` with probability `rate`. */
  randomly(rate: number, seed: number, faults: readonly Fault[] = TRANSIENT_FAULTS): void {
    this.rate = rate;
    this.random = seededRandom(seed);
    this.faults = faults;
  }

  /** No more faults. */
  clear(): void {
    this.queue.length = 0;
    this.random = undefined;
    this.rate = 0;
  }

  /** The fault for the next request, if any. */
  next(): Fault | undefined {
    const queued = this.queue.shift();
    if (queued !== undefined) {
      this.injected++;
      return queued;
    }
    if (this.random !== undefined && this.random() < this.rate) {
      this.injected++;
      return this.faults[Math.floor(this.random() * this.faults.length)];
    }
    return undefined;
  }
}

/** How a server under test writes its own bodies, so injected answers look like its real ones. */
export interface FaultStyle {
  /** An XML error body for `code`. */
  readonly errorBody: (code: string, message: string) => string;
  /** The root element of a rule document (a cut or malformed one starts with it). */
  readonly ruleRoot: string;
  /** Headers every answer carries (request id, server name). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers a request with `fault` (all kinds but `lost-response`, which the server handles). */
export async function answerWithFault(fault: Fault, res: http.ServerResponse, style: FaultStyle): Promise<void> {
  const send = (status: number, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...style.headers, "Content-Type": "application/xml", "Content-Length": String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  switch (fault.kind) {
    case "status":
      send(fault.status, style.errorBody(fault.code, "Please reduce your request rate."), fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {});
      return;
    case "reset":
      res.socket?.destroy();
      return;
    case "hang":
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      res.socket?.destroy();
      return;
    case "truncate": {
      // Declares more than it sends, then drops the connection.
      const body = style.errorBody("InternalError", "We encountered an internal error.");
      res.writeHead(500, { ...style.headers, "Content-Type": "application/xml", "Content-Length": String(Buffer.byteLength(body) + 50) });
      res.write(body.slice(0, 20));
      await new Promise((resolve) => setTimeout(resolve, 5));
      res.socket?.destroy();
      return;
    }
    case "malformed":
      send(200, `<${style.ruleRoot}><ApplyServerSideEncryptionBy`);
      return;
    case "huge":
      send(200, `<${style.ruleRoot}>${"<x/>".repeat(100_000)}</${style.ruleRoot}>`);
      return;
    case "answer":
      res.writeHead(fault.status, {
        ...style.headers,
        ...(fault.contentType !== undefined ? { "Content-Type": fault.contentType } : {}),
        ...(fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {}),
        "Content-Length": String(Buffer.byteLength(fault.body)),
      });
      res.end(fault.body);
      return;
    case "lost-response":
      return;
  }
}
