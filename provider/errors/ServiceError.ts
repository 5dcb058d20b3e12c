import { hintFor } from "./hints";
import { describeRequest, type RequestContext } from "./requestContext";
import type { ServiceErrorBody } from "./serviceErrorBody";

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

  constructor(context: RequestContext, status: number, body: ServiceErrorBody, requestId: string | undefined, hint?: string) {
    const id = body.requestId ?? requestId;
    const advice = hint ?? hintFor(body.code);
    const parts = [
      `${describeRequest(context)} failed: HTTP ${status}`,
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
  }
}
