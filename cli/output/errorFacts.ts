import { AcknowledgementError, ServiceError } from "../../provider/internal";

/** What a report says of an error: its message, and the service's facts when it answered. */
export interface ErrorFacts {
  readonly message: string;
  readonly httpStatus?: number;
  /** The service's error code (`AccessDenied`, `SignatureDoesNotMatch`, …). */
  readonly code?: string;
  readonly requestId?: string;
}

/**
 * The facts of an error thrown in this process (a probe of a live rule, a scan's or an import's
 * read): status, code and request id come from the typed error, never from its text.
 */
export function errorFacts(error: unknown): ErrorFacts {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ServiceError) {
    return { message, httpStatus: error.status, ...(error.code !== undefined ? { code: error.code } : {}), ...(error.requestId !== undefined ? { requestId: error.requestId } : {}) };
  }
  if (error instanceof AcknowledgementError) return { message, httpStatus: error.status, ...(error.code !== undefined ? { code: error.code } : {}) };
  return { message };
}
