import { isTransientResponse } from "./transience";
import { hintFor } from "./hints";
import { describeRequest, type RequestContext } from "./requestContext";
import { inertServerText, MAX_SERVER_FIELD } from "./serverText";
import type { ServiceErrorBody } from "./ServiceErrorBody";

/**
 * The service answered a request with an error status. Carries what a user needs to act: the
 * resource, the cloud, the HTTP status, the service's code, message and request id, the attempts
 * made, and what to do next. Never request headers, so never a credential or a signature.
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
    const headerId = requestId !== undefined ? inertServerText(requestId, MAX_SERVER_FIELD) : undefined;
    const id = body.requestId ?? headerId;
    const advice = hint ?? hintFor(body.code) ?? genericAdvice(status, body.code);
    const parts = [
      `${describeRequest(context)} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: HTTP ${status}`,
      body.code !== undefined ? ` ${body.code}` : "",
      body.message !== undefined ? `: ${body.message}` : body.excerpt !== undefined ? `: ${body.excerpt}` : "",
      body.ec !== undefined ? ` (EC ${body.ec})` : "",
      id !== undefined ? ` [request id ${id}]` : "",
      `. Next: ${advice}.`,
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
    this.headerRequestId = headerId;
  }

  private readonly body: ServiceErrorBody;
  private readonly headerRequestId: string | undefined;

  /** The same error, saying how many attempts were made (for an answer that was retried). */
  afterAttempts(attempts: number): ServiceError {
    return new ServiceError(this.context, this.status, this.body, this.headerRequestId, this.hint, attempts);
  }
}

// When no code-specific hint exists: transient failures call for patience, others for a look at
// the request, which the service refused as it was.
function genericAdvice(status: number, code: string | undefined): string {
  if (isTransientResponse(status, code)) {
    return "the service is busy or failing; retry later, or allow more time (bucketEncryption:maxAttempts, bucketEncryption:maxElapsedMs)";
  }
  if (status >= 300 && status < 400) return "the endpoint redirects elsewhere; set endpoint to the bucket's own regional endpoint";
  return "the service refused the request as sent; check the code and message against the cloud's documentation, then the resource's inputs and credentials";
}
