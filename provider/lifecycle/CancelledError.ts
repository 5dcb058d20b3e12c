/** The engine cancelled the operation (Pulumi's Cancel); requests in flight were ended. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";

  constructor() {
    super("the operation was cancelled (the Pulumi engine asked the provider to stop)");
  }
}
