import type http from "node:http";
import type https from "node:https";
import type { CloudModule } from "../clouds/cloudModule";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { RequestContext } from "../errors/requestContext";
import { TransportError } from "../errors/TransportError";
import { sendOnSharedConnections } from "../http/sendOnSharedConnections";
import { type HttpResponse, NetworkFailure } from "../http/sendRequest";
import type { Credentials } from "../model/types";
import type { BucketRequest, SigningOptions } from "../requests/bucketRequest";
import type { Attempt } from "./attempt";

/** Deadlines for each attempt; see RetryPolicy for the whole operation's. */
export interface TimeoutOptions {
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/** What every attempt of a client shares: its connections, deadlines, User-Agent and clock. */
export interface Transport {
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
  readonly timeouts: TimeoutOptions;
  readonly userAgent: string;
  readonly now: () => Date;
}

/** One attempt: the request, who signs it and how, and how to read the answer. */
export interface AttemptRequest<T> {
  readonly cloud: CloudModule;
  readonly unsigned: BucketRequest;
  readonly credentials: Credentials;
  readonly signing: SigningOptions;
  readonly context: RequestContext;
  /** Which attempt this is (from 1), for errors that end the operation at once. */
  readonly attempt: number;
  /** What is left of the operation's deadline: this attempt never outlives it. */
  readonly remainingMs: number;
  readonly maxBodyBytes?: number;
  readonly signal?: AbortSignal;
  /** Reads a complete response: done, retry, or throw. */
  readonly interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>;
}

/**
 * Signs and sends one attempt and interprets the answer. Signed anew each time: the signature
 * covers the time, and a retry may come much later. Network failures that can heal (a timeout, a
 * reset, a cut body) are returned for a retry; one that cannot (a refused certificate, a body over
 * the limit, an abort) ends the operation; anything else (a TypeError, a header Node refuses) is
 * a fault in the request itself and is thrown as it is.
 */
export async function sendAttempt<T>(transport: Transport, request: AttemptRequest<T>): Promise<Attempt<T>> {
  const { context, attempt } = request;
  const signed = await request.cloud.sign(request.unsigned, request.credentials, transport.now(), request.signing);
  let response: HttpResponse;
  try {
    // The User-Agent is not signed (no signer covers it), so it is added to the signed request.
    response = await sendOnSharedConnections({ ...signed, headers: { ...signed.headers, "user-agent": transport.userAgent } }, {
      connectTimeoutMs: Math.min(transport.timeouts.connectTimeoutMs, request.remainingMs),
      timeoutMs: Math.min(transport.timeouts.requestTimeoutMs, request.remainingMs),
      agents: transport.agents,
      ...(request.maxBodyBytes !== undefined ? { maxBodyBytes: request.maxBodyBytes } : {}),
      ...(request.signal !== undefined ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (!(error instanceof NetworkFailure)) throw error;
    switch (error.kind) {
      case "aborted":
        throw new TransportError(context, error.message, attempt, {
          cause: error,
          next: "the request may or may not have reached the service; run pulumi refresh to record what the bucket holds, then run the command again",
        });
      case "too-large":
        throw MalformedResponseError.afterAttempts(context, error.message, attempt, error);
      case "certificate":
        throw new TransportError(context, `${error.message}; not retried, a certificate does not change between attempts`, attempt, {
          cause: error,
          next: `if ${context.host ?? "the endpoint"} uses a private certificate authority, give Node its certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; otherwise check endpoint (the host name must match the certificate) and this machine's clock`,
        });
      case "timeout":
      case "connect-timeout":
      case "connection":
      case "truncated":
        return { retry: error };
    }
  }
  return request.interpret(response, context);
}
