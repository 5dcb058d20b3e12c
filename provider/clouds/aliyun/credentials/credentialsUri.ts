import http from "node:http";
import https from "node:https";
import { inertServerText, MAX_SERVER_FIELD } from "../../../errors/serverText";
import { NetworkFailure, type OutgoingRequest, sendRequest } from "../../../http/sendRequest";

/** The bounds of one credentials-URI fetch. */
export interface CredentialsUriLimits {
  /** The largest answer read: the documented one is a few hundred bytes. */
  readonly maxBytes: number;
  /** Time allowed to connect. */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole fetch, connect to last byte: a server that drips is cut off here. */
  readonly timeoutMs: number;
}

/** 64 KiB; the library's own connect (5 s) and read (10 s) timeouts, the read now bounding the whole fetch. */
export const CREDENTIALS_URI_LIMITS: CredentialsUriLimits = { maxBytes: 64 * 1024, connectTimeoutMs: 5_000, timeoutMs: 10_000 };

/** Temporary keys as the URI hands them out; `expiration` as written (ISO 8601 UTC when set). */
export interface UriSession {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  readonly expiration: string;
}

/** `scheme://host[:port]/path`: never the query, fragment or user info, which may carry a token. */
export function describeUri(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Temporary credentials from a credentials URI (`alicloud:credentialsUri`,
 * `ALIBABA_CLOUD_CREDENTIALS_URI`), as `@alicloud/credentials` 2.4.7's URICredentialsProvider
 * reads them: one GET; a 200 whose JSON holds `AccessKeyId`, `AccessKeySecret`, `SecurityToken`
 * and `Expiration` (a `Code` other than `Success`, which the library's older reader required, is
 * refused too). Written here rather than taken from the library because its fetch has no bound on
 * the answer's size or on its total time, keeps its connection alive after giving up, and puts the
 * URI's query in its errors. Errors name the URI without its query and never quote the answer.
 */
export async function fetchCredentialsUri(uri: string, limits: CredentialsUriLimits = CREDENTIALS_URI_LIMITS): Promise<UriSession> {
  const url = new URL(uri);
  const shown = `GET ${describeUri(url)}`;
  // Agents of this fetch only, without keep-alive: nothing it opens outlives it, so a CLI exits at once.
  const agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };
  let response;
  try {
    response = await sendRequest(requestFor(url), { connectTimeoutMs: limits.connectTimeoutMs, timeoutMs: limits.timeoutMs, maxBodyBytes: limits.maxBytes, agents });
  } catch (error) {
    if (error instanceof NetworkFailure) throw new Error(`${shown}: ${networkProblem(error, limits)}`, { cause: error });
    throw error;
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
  const body = parseJsonObject(response.body);
  if (response.status !== 200) throw new Error(`${shown} answered HTTP ${response.status}${serviceWords(body)}`);
  if (body === undefined) throw new Error(`${shown} answered with a body that is not a JSON object`);
  const code = body["Code"];
  if (code !== undefined && code !== "Success") {
    throw new Error(`${shown} answered Code ${typeof code === "string" ? JSON.stringify(inertServerText(code, MAX_SERVER_FIELD)) : "(not a string)"}, not Success`);
  }
  const fields = { accessKeyId: body["AccessKeyId"], accessKeySecret: body["AccessKeySecret"], securityToken: body["SecurityToken"] };
  const missing = Object.entries({ AccessKeyId: fields.accessKeyId, AccessKeySecret: fields.accessKeySecret, SecurityToken: fields.securityToken })
    .filter(([, v]) => typeof v !== "string" || v === "")
    .map(([k]) => k);
  if (missing.length > 0) throw new Error(`${shown} answered without ${missing.join(", ")}`);
  const expiration = body["Expiration"];
  return {
    accessKeyId: fields.accessKeyId as string,
    accessKeySecret: fields.accessKeySecret as string,
    securityToken: fields.securityToken as string,
    expiration: typeof expiration === "string" ? expiration : "",
  };
}

function requestFor(url: URL): OutgoingRequest {
  const headers: Record<string, string> = { accept: "application/json" };
  // User info in the URI is HTTP basic authentication, as the library's client sends it.
  if (url.username !== "") headers["authorization"] = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`;
  return {
    method: "GET",
    protocol: url.protocol === "http:" ? "http:" : "https:",
    hostname: url.hostname.replace(/^\[|\]$/g, ""),
    ...(url.port !== "" ? { port: Number(url.port) } : {}),
    target: `${url.pathname}${url.search}`,
    headers,
    body: "",
  };
}

// In words of our own: the network layer's messages may carry a cause's text.
function networkProblem(error: NetworkFailure, limits: CredentialsUriLimits): string {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  switch (error.kind) {
    case "timeout":
      return `no complete answer within ${limits.timeoutMs} ms`;
    case "connect-timeout":
      return `no connection within ${limits.connectTimeoutMs} ms`;
    case "too-large":
      return `the answer is larger than ${limits.maxBytes} bytes`;
    case "truncated":
      return "the answer was cut short";
    case "certificate":
      return `TLS verification did not pass${code !== undefined ? ` (${code})` : ""}`;
    case "connection":
      return `the connection did not succeed${code !== undefined ? ` (${code})` : ""}`;
    case "aborted":
      return "cancelled";
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// An error answer's Code and Message (bounded, inert); nothing else of it.
function serviceWords(body: Record<string, unknown> | undefined): string {
  const code = typeof body?.["Code"] === "string" ? inertServerText(body["Code"], MAX_SERVER_FIELD) : undefined;
  const message = typeof body?.["Message"] === "string" ? inertServerText(body["Message"]) : undefined;
  return [code, message].filter((p) => p !== undefined && p !== "").map((p, i) => (i === 0 ? ` ${p}` : `: ${p}`)).join("");
}
