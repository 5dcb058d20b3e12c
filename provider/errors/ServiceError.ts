import { hintFor } from "./hints";
import { describeRequest, type RequestContext } from "./requestContext";
import type { ServiceErrorBody } from "../xml/serviceErrorBody";

/**
 * The service answered a request with an error status. Carries what a user needs to act: the
 * resource, the cloud, the HTTP status, the service's code, message and request id, and a hint.
 * Never request headers, so never a credential or a signature.
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly context: RequestContext;
  readonly status: number;
  readonly code: string | undefined;
  readonly serviceMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly hint: string | undefined;

  /** Attempts made before this answer was taken as final (1 when it was not retried). */
  readonly attempts: number;

  constructor(context: RequestContext, status: number, body: ServiceErrorBody, requestId: string | undefined, hint?: string, attempts = 1) {
    const id = body.requestId ?? requestId;
    const advice = hint ?? hintFor(body.code);
    const parts = [
      `${describeRequest(context)} failed${attempts > 1 ? ` after ${attempts} attempts` : ""}: HTTP ${status}`,
      body.code !== undefined ? ` ${body.code}` : "",
      body.message !== undefined ? `: ${body.message}` : "",
      body.ec !== undefined ? ` (EC ${body.ec})` : "",
      id !== undefined ? ` [request id ${id}]` : "",
      advice !== undefined ? `. Next: ${advice}.` : "",
    ];
    super(parts.join(""));
    this.context = context;
    this.status = status;
    this.code = body.code;
    this.serviceMessage = body.message;
    this.requestId = id;
    this.hint = advice;
    this.attempts = attempts;
    this.body = body;
    this.headerRequestId = requestId;
  }

  private readonly body: ServiceErrorBody;
  private readonly headerRequestId: string | undefined;

  /** The same error, saying how many attempts were made (for an answer that was retried). */
  afterAttempts(attempts: number): ServiceError {
    return new ServiceError(this.context, this.status, this.body, this.headerRequestId, this.hint, attempts);
  }
}
