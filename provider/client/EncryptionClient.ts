import http from "node:http";
import { cloudModule } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { bucketRequestFor, serviceRequestFor } from "../clouds/requestsFor";
import { type BucketPage, type ListedBucket, MAX_LISTING_RESPONSE_BYTES } from "../dialects/bucketListing";
import { AcknowledgementError } from "../errors/AcknowledgementError";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import { ServiceError } from "../errors/ServiceError";
import { isThrottling } from "../errors/transience";
import type { RequestContext } from "../errors/requestContext";
import { UnsafeCredentialsError } from "../errors/UnsafeCredentialsError";
import { connectionReuseFrom } from "../http/connectionReuse";
import { RegionalHttpsAgent } from "../http/RegionalHttpsAgent";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../http/retryPolicy";
import type { HttpResponse } from "../http/sendRequest";
import { timerDelayProblem } from "../http/timerLimit";
import { userAgent } from "../http/userAgent";
import { NO_SUCH_BUCKET_CODE } from "../model/constants";
import { formatResourceId } from "../model/resourceId";
import type { BucketEncryptionState, BucketLocation, Cloud, Credentials, LiveRule, ResourceIdentity, ServiceTarget } from "../model/types";
import type { BucketRequest } from "../requests/bucketRequest";
import { SigningCache } from "../signing/signingCache";
import { parseServiceErrorBody } from "../xml/serviceErrorBody";
import type { Attempt } from "./attempt";
import { credentialHeaderProblem } from "./credentialHeaderProblem";
import { listAllBuckets, type ListOptions } from "./listBuckets";
import { acknowledged, failure, headerValue, isGone, isSuccess, requestIdOf, unproven } from "./responses";
import { abortableSleep, type ClientStats, type RetryClock, type RetryLoopOptions, withRetries } from "./retryLoop";
import { sendAttempt, type TimeoutOptions, type Transport } from "./sendAttempt";
import { classifySuccessBody } from "./successBody";

export type { ClientStats } from "./retryLoop";
export type { TimeoutOptions } from "./sendAttempt";
export type { ListOptions } from "./listBuckets";

/** Defaults: a bucket-configuration call answers in well under a second when the service is well. */
export const DEFAULT_TIMEOUTS: TimeoutOptions = { connectTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/** Whose credentials a call needs: the cloud, and the identity a resource names (if any). */
export type CredentialTarget = { readonly cloud: Cloud } & ResourceIdentity;

/** What the client needs from its surroundings; clock, randomness and sleep are injectable for tests. */
export interface ClientOptions {
  /** Valid credentials for a resource (its cloud and identity), asked for each attempt (temporary ones may be renewed between attempts). */
  readonly credentials: (identity: CredentialTarget) => Credentials | Promise<Credentials>;
  readonly timeouts?: TimeoutOptions;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Waited for before each attempt, retries included; resolves to the function told whether the
   * service throttled that attempt (429, SlowDown, …). A caller running many operations at once
   * bounds the requests in flight with it and lowers the bound while the service throttles, so a
   * retry of a throttled request waits its turn (see the CLI's AdaptiveLimit).
   */
  readonly admission?: () => Promise<(throttled: boolean) => void>;
}

/**
 * What one GET of a bucket's rule found: the rule as the server holds it, or why there is none
 * (the service's code: the bucket has no rule, or the bucket does not exist).
 */
export type RuleReading =
  | { readonly rule: LiveRule }
  | { readonly absent: "no-rule" | "no-bucket"; readonly code: string; readonly requestId?: string };

/** One logical call: where it goes, what it sends, and how its answer is read. */
interface Call<T> {
  readonly identity: CredentialTarget;
  readonly signatureVersion: string | undefined;
  readonly unsigned: BucketRequest;
  readonly context: RequestContext;
  readonly signal: AbortSignal | undefined;
  readonly maxBodyBytes?: number;
  readonly interpret: (response: HttpResponse, context: RequestContext) => Attempt<T>;
}

/**
 * Put/Get/DeleteBucketEncryption and ListBuckets for every cloud: one logical call each, retried
 * only on transient failures (`withRetries`), each attempt signed and sent by `sendAttempt`.
 * PUT and DELETE of a rule are idempotent (the same PUT twice leaves the same rule; DELETE of a
 * missing rule is success), which is why retrying them is safe. The client owns its connections:
 * `close` ends them.
 */
export class EncryptionClient {
  readonly stats: ClientStats = { operations: 0, attempts: 0, retries: 0, failures: 0 };
  private readonly transport: Transport;
  private readonly signing = new SigningCache();
  private readonly retry: RetryPolicy;
  private readonly clock: RetryClock;
  /** The caller's admission, told of each attempt whether the service throttled it. */
  private readonly admission: RetryLoopOptions["admission"];

  /** Throws RangeError, naming the option, for a duration Node's timers cannot hold. */
  constructor(private readonly options: ClientOptions) {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const problem =
      timerDelayProblem("timeouts.connectTimeoutMs", timeouts.connectTimeoutMs) ??
      timerDelayProblem("timeouts.requestTimeoutMs", timeouts.requestTimeoutMs) ??
      timerDelayProblem("retry.maxElapsedMs", this.retry.maxElapsedMs);
    if (problem !== undefined) throw new RangeError(problem);
    this.clock = { now: options.now ?? (() => new Date()), random: options.random ?? Math.random, sleep: options.sleep ?? abortableSleep };
    const admit = options.admission;
    this.admission =
      admit !== undefined
        ? async () => {
            const settle = await admit();
            return (failure) => settle(failure !== undefined && throttled(failure));
          }
        : undefined;
    this.transport = {
      agents: { http: new http.Agent({ keepAlive: true }), https: new RegionalHttpsAgent(connectionReuseFrom(process.env)) },
      timeouts,
      userAgent: userAgent(),
      now: this.clock.now,
    };
  }

  /** Sets the bucket's rule to `state`'s (PutBucketEncryption). */
  async putRule(state: BucketEncryptionState, signal?: AbortSignal): Promise<void> {
    await this.onBucket(state, bucketRequestFor(state, "put"), signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context, this.clock.now()) : failure(response, context, this.clock.now()),
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
    return this.onBucket(location, bucketRequestFor(location, "get"), signal, (response, context): Attempt<RuleReading> => {
      if (isGone(cloud, response)) {
        const code = parseServiceErrorBody(response.body).code ?? "";
        const requestId = requestIdOf(response);
        return { done: { absent: code === NO_SUCH_BUCKET_CODE ? "no-bucket" : "no-rule", code, ...(requestId !== undefined ? { requestId } : {}) } };
      }
      if (!isSuccess(response)) return failure(response, context, this.clock.now());
      const body = classifySuccessBody(response.body, headerValue(response, ["content-type"]));
      switch (body.kind) {
        case "unproven":
          return unproven(response, context, body.body, this.clock.now());
        case "empty":
        case "malformed":
          // A 2xx that is not the rule but looks like a cut of it is retried: it may heal.
          return { retry: new MalformedResponseError(body.kind === "empty" ? "the rule read back is empty" : body.reason) };
        case "document":
          return decoded(() => ({ rule: cloud.decodeRule(response.body) }));
      }
    });
  }

  /**
   * Removes the bucket's rule (DeleteBucketEncryption); a rule or bucket already gone is success.
   * Needs only the location: whatever rule the state records, one DELETE is sent.
   */
  async deleteRule(location: BucketLocation, signal?: AbortSignal): Promise<void> {
    const cloud = cloudModule(location.cloud);
    await this.onBucket(location, bucketRequestFor(location, "delete"), signal, (response, context): Attempt<void> =>
      isSuccess(response) ? acknowledged(response, context, this.clock.now()) : isGone(cloud, response) ? { done: undefined } : failure(response, context, this.clock.now()),
    );
  }

  /**
   * Every bucket the credentials can see through `target`'s region endpoint (ListBuckets), page
   * by page (see `listAllBuckets` for the bounds): each page is one logical call with the same
   * retries and deadline as the rule calls.
   */
  async listBuckets(target: ServiceTarget, options: ListOptions = {}): Promise<ListedBucket[]> {
    const cloud = cloudModule(target.cloud);
    const first = serviceRequestFor(target, {});
    const context = contextOf(`${target.cloud}:${target.region}`, target.cloud, cloud, first, "/ (ListBuckets)");
    return listAllBuckets(cloud, target, (query, ctx) =>
      this.run<BucketPage>({
        identity: target,
        signatureVersion: target.signatureVersion,
        unsigned: serviceRequestFor(target, query),
        context: ctx,
        signal: options.signal,
        maxBodyBytes: MAX_LISTING_RESPONSE_BYTES,
        interpret: (response, c) => (isSuccess(response) ? decoded(() => cloud.bucketListing.decodePage(response.body)) : failure(response, c, this.clock.now())),
      }),
    context, options);
  }

  /** Closes idle keep-alive connections so the process can exit promptly. */
  close(): void {
    this.transport.agents.http.destroy();
    this.transport.agents.https.destroy();
  }

  private onBucket<T>(location: BucketLocation, unsigned: BucketRequest, signal: AbortSignal | undefined, interpret: Call<T>["interpret"]): Promise<T> {
    const context = contextOf(formatResourceId(location), location.cloud, cloudModule(location.cloud), unsigned);
    return this.run({ identity: location, signatureVersion: location.signatureVersion, unsigned, context, signal, interpret });
  }

  private run<T>(call: Call<T>): Promise<T> {
    const cloud = cloudModule(call.context.cloud);
    const retry = { policy: this.retry, clock: this.clock, stats: this.stats, context: call.context, ...(this.admission !== undefined ? { admission: this.admission } : {}) };
    return withRetries({ ...retry, ...(call.signal !== undefined ? { signal: call.signal } : {}) }, async (attempt, remainingMs) => {
      // Asked for each attempt: temporary credentials may have been renewed since the last one. A
      // failure here names its source and is final (it is not the service's answer).
      const credentials = await this.options.credentials(call.identity);
      // Before the request: a value Node cannot put in a header would otherwise fail every attempt.
      const problem = credentialHeaderProblem(credentials);
      if (problem !== undefined) throw new UnsafeCredentialsError(call.context.cloud, problem);
      return sendAttempt(this.transport, {
        cloud,
        unsigned: call.unsigned,
        credentials,
        signing: { cache: this.signing, ...(call.signatureVersion !== undefined ? { signatureVersion: call.signatureVersion } : {}) },
        context: call.context,
        attempt,
        remainingMs,
        interpret: call.interpret,
        ...(call.maxBodyBytes !== undefined ? { maxBodyBytes: call.maxBodyBytes } : {}),
        ...(call.signal !== undefined ? { signal: call.signal } : {}),
      });
    });
  }
}

// The typed errors carry status and code; a network failure is not throttling.
function throttled(error: Error): boolean {
  if (error instanceof ServiceError || error instanceof AcknowledgementError) return isThrottling(error.status, error.code);
  return false;
}

// A body that parses but is not the document asked for may be a cut of it: retried, it may heal.
function decoded<T>(decode: () => T): Attempt<T> {
  try {
    return { done: decode() };
  } catch (error) {
    if (!(error instanceof MalformedResponseError)) throw error;
    return { retry: error };
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
