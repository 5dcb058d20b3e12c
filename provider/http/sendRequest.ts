import http from "node:http";
import https from "node:https";
import { isCertificateFailure } from "./tlsFailure";

/** Largest response body read by default; an encryption rule or an error is well under 2 KiB. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** A complete HTTP response with its body read as UTF-8. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** The request line, headers and body to send; `headers` are final (signed). */
export interface OutgoingRequest {
  readonly method: string;
  readonly protocol: "https:" | "http:";
  readonly hostname: string;
  readonly port?: number;
  /** Path plus query, e.g. `/?encryption`. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Deadlines and limits for one attempt. */
export interface SendOptions {
  /** Time allowed to open the connection (TCP and TLS). */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole attempt, from the first byte sent to the last byte read. */
  readonly timeoutMs: number;
  readonly maxBodyBytes?: number;
  readonly signal?: AbortSignal;
  readonly agents?: { readonly http: http.Agent; readonly https: https.Agent };
}

/** Why an attempt got no complete response. `kind` decides whether a retry can help. */
export class NetworkFailure extends Error {
  override readonly name = "NetworkFailure";
  constructor(
    readonly kind: "timeout" | "connect-timeout" | "connection" | "certificate" | "truncated" | "too-large" | "aborted",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Sends one request and reads the whole response, within `timeoutMs`. Never retries: that is
 * the caller's decision. Rejects with NetworkFailure for anything the network did; a request
 * Node refuses to send (a header it cannot encode) rejects with Node's own error.
 */
export function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<HttpResponse> {
  const limit = options.maxBodyBytes ?? MAX_RESPONSE_BYTES;
  const module = request.protocol === "http:" ? http : https;
  const agent = options.agents !== undefined ? (request.protocol === "http:" ? options.agents.http : options.agents.https) : undefined;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: NetworkFailure | undefined, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error !== undefined) {
        req.destroy();
        reject(error);
      } else if (response !== undefined) {
        resolve(response);
      }
    };
    const onAbort = () => finish(new NetworkFailure("aborted", abortMessage(options.signal)));
    if (options.signal?.aborted === true) {
      reject(new NetworkFailure("aborted", abortMessage(options.signal)));
      return;
    }

    // Everything that can throw synchronously (a signal that is not one, a header Node refuses)
    // runs before any timer or socket exists, so such an error leaves nothing behind.
    options.signal?.addEventListener("abort", onAbort);
    let req: http.ClientRequest;
    try {
      req = module.request({
        method: request.method,
        hostname: request.hostname,
        ...(request.port !== undefined ? { port: request.port } : {}),
        path: request.target,
        headers: request.headers,
        ...(agent !== undefined ? { agent } : {}),
      });
    } catch (error) {
      options.signal?.removeEventListener("abort", onAbort);
      throw error;
    }
    const totalTimer = setTimeout(
      () => finish(new NetworkFailure("timeout", `no complete response within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const connectTimer = setTimeout(
      () => finish(new NetworkFailure("connect-timeout", `could not connect within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );

    req.on("socket", (socket) => {
      // A reused keep-alive socket is already connected.
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once(request.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connectTimer));
    });
    req.on("error", (cause) => {
      if (isCertificateFailure((cause as NodeJS.ErrnoException).code)) {
        finish(new NetworkFailure("certificate", `TLS verification of ${request.hostname} failed: ${describeCause(cause)}`, { cause }));
      } else {
        finish(new NetworkFailure("connection", `connection failed: ${describeCause(cause)}`, { cause }));
      }
    });
    req.on("response", (res) => {
      const declared = res.headers["content-length"] !== undefined ? Number(res.headers["content-length"]) : undefined;
      if (declared !== undefined && declared > limit) {
        finish(new NetworkFailure("too-large", `the response declares ${declared} bytes, over the ${limit}-byte limit`));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) finish(new NetworkFailure("too-large", `the response is over the ${limit}-byte limit`));
        else chunks.push(chunk);
      });
      res.on("aborted", () => finish(new NetworkFailure("truncated", "the connection closed before the response body was complete")));
      res.on("error", (cause) => finish(new NetworkFailure("truncated", `the response body was cut short: ${describeCause(cause)}`, { cause })));
      res.on("end", () => {
        if (!res.complete || (declared !== undefined && received !== declared)) {
          finish(new NetworkFailure("truncated", `the response body was cut short (${received} of ${declared ?? "?"} bytes)`));
          return;
        }
        finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(request.body);
  });
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== undefined ? `${code} (${cause.message})` : cause.message;
  }
  return String(cause);
}

// Why the caller aborted, in its own words when it gave a reason (a cancellation, a deadline).
function abortMessage(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name !== "AbortError" && reason.message !== "" ? reason.message : "the operation was cancelled";
}
