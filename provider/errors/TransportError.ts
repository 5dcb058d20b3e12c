import { describeRequest, type RequestContext } from "./requestContext";

/** The advice when nothing more specific is known: the connection itself failed. */
const REACHABILITY_ADVICE = "check that the endpoint is reachable from here and retry";

/** A request that never got a usable answer: refused, reset, timed out, cut short, or a certificate refused. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly context: RequestContext;
  /** How many attempts were made before giving up. */
  readonly attempts: number;

  constructor(context: RequestContext, reason: string, attempts: number, options?: { cause?: unknown; next?: string }) {
    super(
      `${describeRequest(context)} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${reason}. Next: ${options?.next ?? REACHABILITY_ADVICE}.`,
      options?.cause !== undefined ? { cause: options.cause } : undefined,
    );
    this.context = context;
    this.attempts = attempts;
  }
}
