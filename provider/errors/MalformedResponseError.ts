/** A response body that is not the XML the service documents: cut short, not XML, too large, or hostile. */
export class MalformedResponseError extends Error {
  override readonly name = "MalformedResponseError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
