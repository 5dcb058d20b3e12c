import http from "node:http";
import https from "node:https";
import { cloudModule } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { REQUEST_ID_HEADERS } from "../constants";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { RequestContext } from "../errors/requestContext";
import { describeRequest } from "../errors/requestContext";
import { ServiceError } from "../errors/ServiceError";
import { parseServiceErrorBody } from "../xml/serviceErrorBody";
import { TransportError } from "../errors/TransportError";
import { type HttpResponse, NetworkFailure, sendRequest } from "../http/sendRequest";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransientResponse, retryAfterMs, type RetryPolicy } from "../http/retryPolicy";
import type { BucketEncryptionState, Cloud, Credentials, EncryptionRule } from "../model";
import { buildRequest, type Operation } from "../requests/buildRequest";
import { formatResourceId } from "../resourceId";
import type { BucketRequest } from "../requests/bucketRequest";
import { SigningCache } from "../signing/signingCache";
import { clockSkewHint } from "./clockSkew";
import { parseXml } from "../xml/parseXml";

/** Deadlines for each attempt; see RetryPolicy for the whole operation's. */
export interface TimeoutOptions {
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/** Defaults: a bucket-configuration call answers in well under a second when the service is well. */
export const DEFAULT_TIMEOUTS: TimeoutOptions = { connectTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/** Counters an operator (or a soak test) can read. */
export interface ClientStats {
  operations: number;
  attempts: number;
  retries: number;
  failures: number;
}

/** What the client needs from its surroundings; clock, randomness and sleep are injectable for tests. */
export interface ClientOptions {
  readonly credentials: (cloud: Cloud) => Credentials;
  readonly timeouts?: TimeoutOptions;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What one GetBucketEncryption found: the rule, or the code of the answer saying there is none. */
export type RuleLookup = { readonly rule: EncryptionRule } | { readonly absent: string };

type Attempt<T> = { readonly done: T } | { readonly retry: Error; readonly waitMs?: number };

/**
 * Put/Get/DeleteBucketEncryption for both clouds: one logical call each, retried only on
 * transient failures. PUT and DELETE of a rule are idempotent (the same PUT twice leaves the
 * same rule; DELETE of a missing rule is success), which is why retrying them is safe.
 */
export class EncryptionClient {
  readonly stats: ClientStats = { operations: 0, attempts: 0, retries: 0, failures: 0 };
  private readonly agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  private readonly signing = new SigningCache();
  private readonly timeouts: TimeoutOptions;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: ClientOptions) {
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Sets the bucket's rule to `state`'s (PutBucketEncryption). */
  async putRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<void> {
    await this.call(state, "put", signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context) : this.failure(response, context),
    );
  }

  /** The bucket's rule, or undefined when the bucket has none or does not exist (GetBucketEncryption). */
  async getRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<EncryptionRule | undefined> {
    const found = await this.lookupRule(state, signal);
    return "rule" in found ? found.rule : undefined;
  }

  /**
   * The bucket's rule, or the service's code saying why there is none (`NoSuchBucket`, or the
   * cloud's "no rule" code): one GetBucketEncryption, for callers that must tell the two apart.
   */
  async lookupRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<RuleLookup> {
    const cloud = cloudModule(state.cloud);
    return this.call(state, "get", signal, (response, context): Attempt<RuleLookup> => {
      if (isSuccess(response)) {
        try {
          return { done: { rule: cloud.decodeRule(response.body) } };
        } catch (error) {
          // A 2xx whose body is not the rule is retried: a proxy or a cut that still ended cleanly.
          const message = error instanceof Error ? error.message : String(error);
          return { retry: new MalformedResponseError(`${describeRequest(context)}: ${message}`, { cause: error }) };
        }
      }
      const goneCode = goneCodeOf(cloud, response);
      if (goneCode !== undefined) return { done: { absent: goneCode } };
      return this.failure(response, context);
    });
  }

  /** Removes the bucket's rule (DeleteBucketEncryption); a rule or bucket already gone is success. */
  async deleteRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<void> {
    await this.call(state, "delete", signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context) : isGone(cloudModule(state.cloud), response) ? { done: undefined } : this.failure(response, context),
    );
  }

  /** Closes idle keep-alive connections so the process can exit promptly. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private failure(response: HttpResponse, context: RequestContext): Attempt<never> {
    const body = parseServiceErrorBody(response.body);
    const requestId = headerValue(response, REQUEST_ID_HEADERS);
    const hint = body.code === "RequestTimeTooSkewed" ? clockSkewHint(headerValue(response, ["date"]), this.now()) : undefined;
    const error = new ServiceError(context, response.status, body, requestId, hint);
    if (!isTransientResponse(response.status, body.code)) throw error;
    const waitMs = retryAfterMs(headerValue(response, ["retry-after"]), this.now());
    return waitMs !== undefined ? { retry: error, waitMs } : { retry: error };
  }

  private async call<T>(
    state: BucketEncryptionState,
    operation: Operation,
    signal: AbortSignal | undefined,
    interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>,
  ): Promise<T> {
    const cloud = cloudModule(state.cloud);
    const unsigned = buildRequest(cloud, state, operation);
    const context: RequestContext = {
      resource: formatResourceId(state),
      cloud: state.cloud,
      serviceName: cloud.serviceName,
      method: unsigned.method,
    };
    const credentials = this.options.credentials(state.cloud);
    const started = Date.now();
    this.stats.operations++;
    for (let attempt = 1; ; attempt++) {
      this.stats.attempts++;
      // No attempt outlives the operation's budget, so maxElapsedMs is a real deadline.
      const remainingMs = Math.max(1, this.retry.maxElapsedMs - (Date.now() - started));
      const outcome = await this.attempt(cloud, unsigned, credentials, state, context, signal, attempt, remainingMs, interpret);
      if ("done" in outcome) return outcome.done;
      const elapsed = Date.now() - started;
      const wait = Math.max(outcome.waitMs ?? 0, backoffDelayMs(attempt, this.retry, this.random));
      if (attempt >= this.retry.maxAttempts || elapsed + wait >= this.retry.maxElapsedMs || signal?.aborted === true) {
        this.stats.failures++;
        if (outcome.retry instanceof NetworkFailure) throw new TransportError(context, outcome.retry.message, attempt, { cause: outcome.retry });
        if (outcome.retry instanceof ServiceError) throw outcome.retry.afterAttempts(attempt);
        throw outcome.retry;
      }
      this.stats.retries++;
      await this.sleep(wait, signal);
    }
  }

  private async attempt<T>(
    cloud: CloudModule,
    unsigned: BucketRequest,
    credentials: Credentials,
    state: BucketEncryptionState,
    context: RequestContext,
    signal: AbortSignal | undefined,
    attempt: number,
    remainingMs: number,
    interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>,
  ): Promise<Attempt<T>> {
    // Signed anew for each attempt: the signature covers the time, and a retry may come much later.
    const signed = await cloud.sign(unsigned, credentials, this.now(), {
      cache: this.signing,
      ...(state.signatureVersion !== undefined ? { signatureVersion: state.signatureVersion } : {}),
    });
    let response: HttpResponse;
    try {
      response = await sendRequest(
        signed,
        {
          connectTimeoutMs: Math.min(this.timeouts.connectTimeoutMs, remainingMs),
          timeoutMs: Math.min(this.timeouts.requestTimeoutMs, remainingMs),
          agents: this.agents,
          ...(signal !== undefined ? { signal } : {}),
        },
      );
    } catch (error) {
      if (error instanceof NetworkFailure && error.kind === "aborted") {
        this.stats.failures++;
        throw new TransportError(context, error.message, attempt, { cause: error });
      }
      if (error instanceof NetworkFailure && error.kind === "too-large") {
        this.stats.failures++;
        throw new MalformedResponseError(`${describeRequest(context)}: ${error.message}`, { cause: error });
      }
      return { retry: error instanceof Error ? error : new Error(String(error)) };
    }
    return interpret(response, context);
  }
}

// A 2xx to PUT or DELETE has an empty body or an XML one. Anything else (an HTML page from a
// proxy, a cut) is not a trustworthy acknowledgement, so the idempotent call is sent again.
function acknowledged(response: HttpResponse, context: RequestContext): Attempt<void> {
  if (response.body.trim() === "") return { done: undefined };
  try {
    parseXml(response.body);
    return { done: undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { retry: new MalformedResponseError(`${describeRequest(context)}: the acknowledgement is not XML: ${message}`, { cause: error }) };
  }
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function isGone(cloud: CloudModule, response: HttpResponse): boolean {
  return goneCodeOf(cloud, response) !== undefined;
}

function goneCodeOf(cloud: CloudModule, response: HttpResponse): string | undefined {
  if (response.status !== 404) return undefined;
  const code = parseServiceErrorBody(response.body).code;
  return code !== undefined && cloud.goneCodes.includes(code) ? code : undefined;
}

function headerValue(response: HttpResponse, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = response.headers[name];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}
