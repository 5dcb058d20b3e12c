import type http from "node:http";
import { LoopbackServer } from "./loopbackServer";

/** One scripted answer: status, headers and body. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * A loopback server that answers from a script, one answer per request (the last one repeats),
 * and records every request line. For tests of the client's judgement, not of a dialect's server.
 */
export class ScriptedServer {
  readonly requests: Array<{ readonly method: string; readonly url: string; readonly headers: http.IncomingHttpHeaders }> = [];
  private readonly server = new LoopbackServer((req, res) => {
    this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => {
      const answer = this.script.length > 1 ? this.script.shift() : this.script[0];
      const body = answer?.body ?? "";
      res.writeHead(answer?.status ?? 500, { ...answer?.headers, "Content-Length": String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  private script: ScriptedAnswer[] = [];

  /** Starts listening; returns the base URL. */
  start(): Promise<string> {
    return this.server.start();
  }

  /** The answers for the next requests, in order; the last one repeats. Clears the request log. */
  answer(...answers: ScriptedAnswer[]): void {
    this.script = [...answers];
    this.requests.length = 0;
  }

  /** Stops the server. */
  stop(): Promise<void> {
    return this.server.stop();
  }
}
