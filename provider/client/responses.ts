import type { CloudModule } from "../clouds/cloudModule";
import { AcknowledgementError, type UnprovenBody } from "../errors/AcknowledgementError";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { RequestContext } from "../errors/requestContext";
import { ServiceError } from "../errors/ServiceError";
import { inertServerText, MAX_SERVER_FIELD } from "../errors/serverText";
import { isTransientCode, isTransientResponse } from "../errors/transience";
import { retryAfterMs } from "../http/retryPolicy";
import type { HttpResponse } from "../http/sendRequest";
import { REQUEST_ID_HEADERS } from "../model/constants";
import { parseServiceErrorBody } from "../xml/serviceErrorBody";
import type { Attempt } from "./attempt";
import { clockSkewHint } from "./clockSkew";
import { classifySuccessBody } from "./successBody";

/** The first non-empty value among `names`' headers. */
export function headerValue(response: HttpResponse, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = response.headers[name];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** The service's request id, from whichever header its dialect uses. */
export function requestIdOf(response: HttpResponse): string | undefined {
  return headerValue(response, REQUEST_ID_HEADERS);
}

/** True for any 2xx: both clouds document 200 or 204, and a 2xx is never an error status. */
export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** True when a 404 carries one of the cloud's "no rule" or "no such bucket" codes. */
export function isGone(cloud: CloudModule, response: HttpResponse): boolean {
  if (response.status !== 404) return false;
  const code = parseServiceErrorBody(response.body).code;
  return code !== undefined && cloud.goneCodes.includes(code);
}

/**
 * An error status: a ServiceError naming status, code, message and request id, thrown when the
 * failure cannot heal, returned for a retry (after any `Retry-After` wait) when it can.
 */
export function failure(response: HttpResponse, context: RequestContext, now: Date): Attempt<never> {
  const body = parseServiceErrorBody(response.body);
  const hint = body.code === "RequestTimeTooSkewed" ? clockSkewHint(headerValue(response, ["date"]), now) : undefined;
  const error = new ServiceError(context, response.status, body, requestIdOf(response), hint);
  if (!isTransientResponse(response.status, body.code)) throw error;
  return retryAfter(response, error, now);
}

/**
 * A 2xx to PUT or DELETE proves success only with the empty body both clouds document. An error
 * document or a page from something else is refused; a body that looks like a cut of the
 * service's XML may heal, so the idempotent call is sent again.
 */
export function acknowledged(response: HttpResponse, context: RequestContext, now: Date): Attempt<void> {
  const body = classifySuccessBody(response.body, headerValue(response, ["content-type"]));
  switch (body.kind) {
    case "empty":
      return { done: undefined };
    case "malformed":
      return { retry: new MalformedResponseError(`the acknowledgement is not XML: ${body.reason}`, { cause: body.cause }) };
    case "document":
      return unproven(response, context, { kind: "other", excerpt: `a <${inertServerText(body.root, MAX_SERVER_FIELD)}> document` }, now);
    case "unproven":
      return unproven(response, context, body.body, now);
  }
}

/**
 * A 2xx whose body proves nothing: refused, and retried only when the error document itself says
 * the failure is transient (then after the wait its Retry-After asks for, as for an error status).
 */
export function unproven(response: HttpResponse, context: RequestContext, body: UnprovenBody, now: Date): Attempt<never> {
  const error = new AcknowledgementError(context, response.status, headerValue(response, ["content-type"]), body);
  const code = body.kind === "error-document" ? body.error.code : undefined;
  if (code === undefined || !isTransientCode(code)) throw error;
  return retryAfter(response, error, now);
}

function retryAfter(response: HttpResponse, error: Error, now: Date): Attempt<never> {
  const waitMs = retryAfterMs(headerValue(response, ["retry-after"]), now);
  return waitMs !== undefined ? { retry: error, waitMs } : { retry: error };
}
