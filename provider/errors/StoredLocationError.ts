/**
 * The stored state does not say where to send a request (see storedLocation): raised before any
 * request, instead of guessing another host.
 */
export class StoredLocationError extends Error {
  override readonly name = "StoredLocationError";

  constructor(operation: "read" | "delete", id: string, problem: string) {
    super(
      `cannot ${operation} BucketEncryption ${JSON.stringify(id.slice(0, 200))}: ${problem}. ` +
        "Next: declare a valid endpoint in the program and run pulumi up without --refresh (the update sends only to the new endpoint), " +
        "or correct the resource's outputs with pulumi stack export and pulumi stack import",
    );
  }
}
