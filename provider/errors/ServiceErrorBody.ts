/**
 * The fields of a service's XML error body (`<Error><Code/><Message/><RequestId/>…</Error>`), each
 * already made inert and bounded (see serverText): they go straight into error messages.
 */
export interface ServiceErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
  /** Aliyun's detailed error code, e.g. `0005-00000004`. */
  readonly ec?: string;
  /** For a body that is not an `<Error>` document: a short, inert excerpt of what came back. */
  readonly excerpt?: string;
}
