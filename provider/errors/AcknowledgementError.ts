import { hintFor } from "./hints";
import { describeRequest, type RequestContext } from "./requestContext";
import { inertServerText, MAX_SERVER_FIELD } from "./serverText";
import type { ServiceErrorBody } from "./ServiceErrorBody";

/** What came back under a 2xx status instead of the documented answer. */
export type UnprovenBody =
  | { readonly kind: "error-document"; readonly error: ServiceErrorBody }
  | { readonly kind: "html"; readonly excerpt: string }
  | { readonly kind: "other"; readonly excerpt: string };

/**
 * A 2xx answer that does not prove the call did what it asked: an error document, an HTML or
 * XHTML page (a captive proxy, a login page), or a body the service never sends on success.
 * The rule must not be recorded as set, read or deleted on the strength of it.
 */
export class AcknowledgementError extends Error {
  override readonly name = "AcknowledgementError";
  readonly context: RequestContext;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The service's error code, when the body was an error document. */
  readonly code: string | undefined;
  readonly attempts: number;

  constructor(context: RequestContext, status: number, contentType: string | undefined, body: UnprovenBody, attempts = 1) {
    const type = contentType !== undefined && contentType.trim() !== "" ? inertServerText(contentType, MAX_SERVER_FIELD) : undefined;
    const parts = [
      `${describeRequest(context)} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: `,
      `HTTP ${status} (content type ${type ?? "not given"}) is not an acknowledgement: `,
      describeBody(body),
      `. Next: ${advice(body)}.`,
    ];
    super(parts.join(""));
    this.context = context;
    this.status = status;
    this.contentType = type;
    this.code = body.kind === "error-document" ? body.error.code : undefined;
    this.attempts = attempts;
    this.unproven = body;
  }

  private readonly unproven: UnprovenBody;

  /** The same error, saying how many attempts were made. */
  afterAttempts(attempts: number): AcknowledgementError {
    return new AcknowledgementError(this.context, this.status, this.contentType, this.unproven, attempts);
  }
}

function describeBody(body: UnprovenBody): string {
  switch (body.kind) {
    case "error-document": {
      const e = body.error;
      return [
        "the body is an error document",
        e.code !== undefined ? ` ${e.code}` : "",
        e.message !== undefined ? `: ${e.message}` : "",
        e.ec !== undefined ? ` (EC ${e.ec})` : "",
        e.requestId !== undefined ? ` [request id ${e.requestId}]` : "",
      ].join("");
    }
    case "html":
      return `the body is ${body.excerpt}, not the service's answer`;
    case "other":
      return `the body is ${body.excerpt}, which the service never sends on success`;
  }
}

function advice(body: UnprovenBody): string {
  if (body.kind === "error-document") {
    const hint = hintFor(body.error.code);
    return `the state was not changed on the strength of this answer; ${hint ?? "check the code and message against the cloud's documentation"}`;
  }
  return "something other than the service answered (a proxy, a captive portal or a login page); check endpoint and the proxy settings of this machine, then retry";
}
