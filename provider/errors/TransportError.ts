import { describeRequest, type RequestContext } from "./requestContext";

/** A request that never got a usable answer: refused, reset, timed out, or a response cut short. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly context: RequestContext;
  /** How many attempts were made before giving up. */
  readonly attempts: number;

  constructor(context: RequestContext, reason: string, attempts: number, options?: { cause?: unknown }) {
    super(
      `${describeRequest(context)} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${reason}. Next: check that the endpoint is reachable from here and retry.`,
      options,
    );
    this.context = context;
    this.attempts = attempts;
  }
}
