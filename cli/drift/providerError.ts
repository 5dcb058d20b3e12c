import type { ReportError } from "./model";

// The provider's errors (provider/errors/ServiceError.ts) read
// `<METHOD> ?encryption on <id> (<service>) failed[ after N attempts]: HTTP <status>[ <Code>][: <message>][ (EC …)][ [request id <id>]][. Next: …]`.
// The engine hands them over as diagnostic text only, so the facts are taken back out of it.
const HTTP_STATUS_AND_CODE = /\bfailed(?: after \d+ attempts?)?: HTTP (\d{3})(?: ([A-Za-z][A-Za-z0-9._-]*))?/;
const REQUEST_ID = /\[request id ([^\]\s]+)\]/;
// The engine prefixes what a provider threw during a preview.
const ENGINE_PREFIX = /^(?:Preview failed|error): /;

/** The facts in an error message from the provider (or anything else the engine reported). */
export function parseProviderError(message: string): ReportError {
  const text = message.trim().replace(ENGINE_PREFIX, "");
  const status = HTTP_STATUS_AND_CODE.exec(text);
  const requestId = REQUEST_ID.exec(text)?.[1];
  return {
    message: text,
    ...(status?.[1] !== undefined ? { httpStatus: Number(status[1]) } : {}),
    ...(status?.[2] !== undefined ? { code: status[2] } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  };
}
