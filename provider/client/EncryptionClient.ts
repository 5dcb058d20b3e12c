import http from "node:http";
import { cloudModule } from "../clouds";
import { type BucketPage, type ListedBucket, MAX_LISTING_RESPONSE_BYTES } from "../clouds/bucketListing";
import type { CloudModule } from "../clouds/cloudModule";
import { REQUEST_ID_HEADERS } from "../constants";
import { AcknowledgementError, type UnprovenBody } from "../errors/AcknowledgementError";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import { describeRequest, type RequestContext } from "../errors/requestContext";
import { ServiceError } from "../errors/ServiceError";
import { parseServiceErrorBody } from "../xml/serviceErrorBody";
import { TransportError } from "../errors/TransportError";
import { UnsafeCredentialsError } from "../errors/UnsafeCredentialsError";
import { inertServerText, MAX_SERVER_FIELD } from "../errors/serverText";
import { connectionReuseFrom } from "../http/connectionReuse";
import { RegionalHttpsAgent } from "../http/RegionalHttpsAgent";
import { sendOnSharedConnections } from "../http/sendOnSharedConnections";
import { type HttpResponse, NetworkFailure } from "../http/sendRequest";
import { timerDelayProblem } from "../http/timerLimit";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransientCode, isTransientResponse, retryAfterMs, type RetryPolicy } from "../http/retryPolicy";
import type { BucketEncryptionState, BucketLocation, Cloud, Credentials, LiveRule, ResourceIdentity, SignatureVersion } from "../model";
import { buildRequest } from "../requests/buildRequest";
import { formatResourceId } from "../resourceId";
import type { BucketRequest } from "../requests/bucketRequest";
import { buildServiceRequest, type ServiceTarget } from "../requests/buildServiceRequest";
import { SigningCache } from "../signing/signingCache";
import { userAgent } from "../userAgent";
import { clockSkewHint } from "./clockSkew";
import { credentialHeaderProblem } from "./credentialHeaderProblem";
import { classifySuccessBody } from "./successBody";

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
  /** Valid credentials for a resource (its cloud and identity), asked for each attempt (temporary ones may be renewed between attempts). */
  readonly credentials: (identity: CredentialTarget) => Credentials | Promise<Credentials>;
  readonly timeouts?: TimeoutOptions;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Whose credentials a call needs: the cloud, and the identity a resource names (if any). */
export type CredentialTarget = { readonly cloud: Cloud } & ResourceIdentity;

/**
 * What one GET of a bucket's rule found: the rule as the server holds it, or why there is none
 * (the service's code: the bucket has no rule, or the bucket does not exist).
 */
export type RuleReading =
  | { readonly rule: LiveRule }
  | { readonly absent: "no-rule" | "no-bucket"; readonly code: string; readonly requestId?: string };

/** Options of a bucket listing. */
export interface ListOptions {
  /** Buckets asked for per page where the cloud's listing takes a page size (Aliyun: 1-1000). */
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** Called after each page with the buckets listed so far (for progress). */
  readonly onPage?: (listedSoFar: number) => void;
}

/** Default ListBuckets page size: the largest Aliyun allows, so a fleet costs the fewest requests. */
export const DEFAULT_LIST_PAGE_SIZE = 1000;

// The one "no such bucket" code both dialects share (every other gone code means "no rule").
const NO_SUCH_BUCKET = "NoSuchBucket";

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
    https: new RegionalHttpsAgent(connectionReuseFrom(process.env)),
  };
  private readonly signing = new SigningCache();
  private readonly userAgent = userAgent();
  private readonly timeouts: TimeoutOptions;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  /** Throws RangeError, naming the option, for a duration Node's timers cannot hold. */
  constructor(private readonly options: ClientOptions) {
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const problem =
      timerDelayProblem("timeouts.connectTimeoutMs", this.timeouts.connectTimeoutMs) ??
      timerDelayProblem("timeouts.requestTimeoutMs", this.timeouts.requestTimeoutMs) ??
      timerDelayProblem("retry.maxElapsedMs", this.retry.maxElapsedMs);
    if (problem !== undefined) throw new RangeError(problem);
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Sets the bucket's rule to `state`'s (PutBucketEncryption). */
  async putRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<void> {
    const cloud = cloudModule(state.cloud);
    await this.call(state, cloud, buildRequest(cloud, state, "put"), signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context, this.now()) : this.failure(response, context),
    );
  }

  /**
   * The bucket's rule as the server holds it, or undefined when the bucket has none or does not
   * exist (GetBucketEncryption). Needs only the location.
   */
  async getRule(location: BucketLocation, signal?: AbortSignal): Promise<LiveRule | undefined> {
    const reading = await this.readRule(location, signal);
    return "rule" in reading ? reading.rule : undefined;
  }

  /**
   * The bucket's rule with one GET, telling "no rule" from "no bucket" by the service's code
   * (import and the drift report say which). Needs only the location.
   */
  async readRule(location: BucketLocation, signal?: AbortSignal): Promise<RuleReading> {
    const cloud = cloudModule(location.cloud);
    return this.call(location, cloud, buildRequest(cloud, location, "get"), signal, (response, context): Attempt<RuleReading> => {
      if (isGone(cloud, response)) {
        const code = parseServiceErrorBody(response.body).code ?? "";
        const requestId = headerValue(response, REQUEST_ID_HEADERS);
        return { done: { absent: code === NO_SUCH_BUCKET ? "no-bucket" : "no-rule", code, ...(requestId !== undefined ? { requestId } : {}) } };
      }
      if (!isSuccess(response)) return this.failure(response, context);
      const body = classifySuccessBody(response.body, headerValue(response, ["content-type"]));
      switch (body.kind) {
        case "unproven":
          return unproven(response, context, body.body, this.now());
        case "empty":
        case "malformed":
          // A 2xx that is not the rule but looks like a cut of it is retried: it may heal.
          return { retry: new MalformedResponseError(body.kind === "empty" ? "the rule read back is empty" : body.reason) };
        case "document":
          try {
            return { done: { rule: cloud.decodeRule(response.body) } };
          } catch (error) {
            if (!(error instanceof MalformedResponseError)) throw error;
            return { retry: error };
          }
      }
    });
  }

  /**
   * Every bucket the credentials can see through `target`'s region endpoint (ListBuckets), page
   * by page: each page is one logical call with the same retries and deadline as the rule calls.
   * Buckets the service places in another region are left out.
   */
  async listBuckets(target: ServiceTarget, options: ListOptions = {}): Promise<ListedBucket[]> {
    const cloud = cloudModule(target.cloud);
    const pageSize = options.pageSize ?? DEFAULT_LIST_PAGE_SIZE;
    const found: ListedBucket[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const unsigned = buildServiceRequest(cloud, target, cloud.bucketListing.pageQuery(cursor, pageSize));
      const context = contextOf(`${target.cloud}:${target.region}`, target.cloud, cloud, unsigned, "/ (ListBuckets)");
      const page = await this.send(target, unsigned, context, target.signatureVersion, options.signal, MAX_LISTING_RESPONSE_BYTES, (response, ctx): Attempt<BucketPage> => {
        if (!isSuccess(response)) return this.failure(response, ctx);
        try {
          return { done: cloud.bucketListing.decodePage(response.body) };
        } catch (error) {
          if (!(error instanceof MalformedResponseError)) throw error;
          return { retry: error };
        }
      });
      for (const bucket of page.buckets) if (bucket.region === undefined || bucket.region === target.region) found.push(bucket);
      // A cursor that comes back again would page forever: the answer is wrong, not the loop.
      if (page.cursor !== undefined && seen.has(page.cursor)) {
        throw new MalformedResponseError(`${describeRequest(context)}: the service returned the marker ${JSON.stringify(inertServerText(page.cursor, MAX_SERVER_FIELD))} twice`);
      }
      if (page.cursor !== undefined) seen.add(page.cursor);
      cursor = page.cursor;
      options.onPage?.(found.length);
    } while (cursor !== undefined);
    return found;
  }

  /**
   * Removes the bucket's rule (DeleteBucketEncryption); a rule or bucket already gone is success.
   * Needs only the location: whatever rule the state records, one DELETE is sent.
   */
  async deleteRule(location: BucketLocation, signal?: AbortSignal): Promise<void> {
    const cloud = cloudModule(location.cloud);
    await this.call(location, cloud, buildRequest(cloud, location, "delete"), signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context, this.now()) : isGone(cloud, response) ? { done: undefined } : this.failure(response, context),
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
    return this.retryAfter(response, error);
  }

  private retryAfter(response: HttpResponse, error: Error): Attempt<never> {
    const waitMs = retryAfterMs(headerValue(response, ["retry-after"]), this.now());
    return waitMs !== undefined ? { retry: error, waitMs } : { retry: error };
  }

  private call<T>(
    location: BucketLocation,
    cloud: CloudModule,
    unsigned: BucketRequest,
    signal: AbortSignal | undefined,
    interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>,
  ): Promise<T> {
    const context = contextOf(formatResourceId(location), location.cloud, cloud, unsigned);
    return this.send(location, unsigned, context, location.signatureVersion, signal, undefined, interpret);
  }

  private async send<T>(
    identity: CredentialTarget,
    unsigned: BucketRequest,
    context: RequestContext,
    signatureVersion: SignatureVersion | undefined,
    signal: AbortSignal | undefined,
    maxBodyBytes: number | undefined,
    interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>,
  ): Promise<T> {
    const cloud = cloudModule(context.cloud);
    this.stats.operations++;
    // The injected clock drives the deadline too, so tests can run a whole retry schedule instantly.
    const started = this.now().getTime();
    const elapsed = () => this.now().getTime() - started;
    for (let attempt = 1; ; attempt++) {
      this.stats.attempts++;
      // No attempt outlives the operation's budget, so maxElapsedMs is a real deadline.
      const remainingMs = Math.max(1, this.retry.maxElapsedMs - elapsed());
      // Asked for each attempt: temporary credentials may have been renewed since the last one. A
      // failure here names its source and is final (it is not the service's answer).
      let credentials: Credentials;
      try {
        credentials = await this.options.credentials(identity);
      } catch (error) {
        this.stats.failures++;
        throw error;
      }
      // Before the request: a value Node cannot put in a header would otherwise fail every attempt.
      const problem = credentialHeaderProblem(credentials);
      if (problem !== undefined) {
        this.stats.failures++;
        throw new UnsafeCredentialsError(context.cloud, problem);
      }
      let outcome: Attempt<T>;
      try {
        outcome = await this.attempt(cloud, unsigned, credentials, signatureVersion, context, signal, attempt, remainingMs, maxBodyBytes, interpret);
      } catch (error) {
        this.stats.failures++;
        throw finalError(error, context, attempt);
      }
      if ("done" in outcome) return outcome.done;
      const wait = Math.max(outcome.waitMs ?? 0, backoffDelayMs(attempt, this.retry, this.random));
      if (attempt >= this.retry.maxAttempts || elapsed() + wait >= this.retry.maxElapsedMs || signal?.aborted === true) {
        this.stats.failures++;
        throw finalError(outcome.retry, context, attempt);
      }
      this.stats.retries++;
      await this.sleep(wait, signal);
    }
  }

  private async attempt<T>(
    cloud: CloudModule,
    unsigned: BucketRequest,
    credentials: Credentials,
    signatureVersion: SignatureVersion | undefined,
    context: RequestContext,
    signal: AbortSignal | undefined,
    attempt: number,
    remainingMs: number,
    maxBodyBytes: number | undefined,
    interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>,
  ): Promise<Attempt<T>> {
    // Signed anew for each attempt: the signature covers the time, and a retry may come much later.
    const signed = await cloud.sign(unsigned, credentials, this.now(), {
      cache: this.signing,
      ...(signatureVersion !== undefined ? { signatureVersion } : {}),
    });
    let response: HttpResponse;
    try {
      // The User-Agent is not signed (no signer covers it), so it is added to the signed request.
      response = await sendOnSharedConnections({ ...signed, headers: { ...signed.headers, "user-agent": this.userAgent } }, {
        connectTimeoutMs: Math.min(this.timeouts.connectTimeoutMs, remainingMs),
        timeoutMs: Math.min(this.timeouts.requestTimeoutMs, remainingMs),
        agents: this.agents,
        ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
        ...(signal !== undefined ? { signal } : {}),
      });
    } catch (error) {
      // Only what the network did can heal. Anything else (a TypeError, a header Node refuses)
      // is a fault in the request itself and is thrown as it is, after this one attempt.
      if (!(error instanceof NetworkFailure)) throw error;
      switch (error.kind) {
        case "aborted":
          throw new TransportError(context, error.message, attempt, { cause: error });
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
    return interpret(response, context);
  }
}

// Which resource (or region, for a listing) and call an error belongs to.
function contextOf(resource: string, cloudName: Cloud, cloud: CloudModule, request: BucketRequest, call?: string): RequestContext {
  return {
    resource,
    cloud: cloudName,
    serviceName: cloud.serviceName,
    method: request.method,
    host: request.port !== undefined ? `${request.hostname}:${request.port}` : request.hostname,
    ...(call !== undefined ? { call } : {}),
  };
}

// What an operation throws once it stops: errors that describe one attempt become ones that name
// the attempts made and what to do next; errors already final pass through unchanged.
function finalError(error: unknown, context: RequestContext, attempts: number): unknown {
  if (error instanceof NetworkFailure) return new TransportError(context, error.message, attempts, { cause: error });
  if (error instanceof ServiceError || error instanceof AcknowledgementError) return error.afterAttempts(attempts);
  if (error instanceof MalformedResponseError && error.attempts === undefined) {
    return MalformedResponseError.afterAttempts(context, error.message, attempts, error);
  }
  return error;
}

// A 2xx to PUT or DELETE proves success only with the empty body both clouds document. An error
// document or a page from something else is refused; a body that looks like a cut of the
// service's XML may heal, so the idempotent call is sent again.
function acknowledged(response: HttpResponse, context: RequestContext, now: Date): Attempt<void> {
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

// Refused, and retried only when the error document itself says the failure is transient (then
// after the wait its Retry-After asks for, as for an error status).
function unproven(response: HttpResponse, context: RequestContext, body: UnprovenBody, now: Date): Attempt<never> {
  const error = new AcknowledgementError(context, response.status, headerValue(response, ["content-type"]), body);
  const code = body.kind === "error-document" ? body.error.code : undefined;
  if (code === undefined || !isTransientCode(code)) throw error;
  const waitMs = retryAfterMs(headerValue(response, ["retry-after"]), now);
  return waitMs !== undefined ? { retry: error, waitMs } : { retry: error };
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function isGone(cloud: CloudModule, response: HttpResponse): boolean {
  if (response.status !== 404) return false;
  const code = parseServiceErrorBody(response.body).code;
  return code !== undefined && cloud.goneCodes.includes(code);
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
