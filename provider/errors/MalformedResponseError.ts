import { describeRequest, type RequestContext } from "./requestContext";
import { inertServerText, MAX_SERVER_MESSAGE } from "./serverText";

/** A response body that is not the XML the service documents: cut short, not XML, too large, or hostile. */
export class MalformedResponseError extends Error {
  override readonly name = "MalformedResponseError";
  /** Attempts made before giving up; undefined while the error describes one body, not an operation. */
  readonly attempts: number | undefined;

  constructor(message: string, options?: { cause?: unknown; attempts?: number }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.attempts = options?.attempts;
  }

  /**
   * The error an operation ends with when its answers stayed malformed: names the request, the
   * attempts made and what to do next. `reason` may quote the body, so it is made inert.
   */
  static afterAttempts(context: RequestContext, reason: string, attempts: number, cause?: unknown): MalformedResponseError {
    return new MalformedResponseError(
      `${describeRequest(context)} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${inertServerText(reason, MAX_SERVER_MESSAGE)}. ` +
        `Next: the answer is not what ${context.serviceName} documents (a proxy, a cut connection or another server answered); ` +
        "check endpoint and the network path to it, then retry",
      { cause, attempts },
    );
  }
}
