import { isIP } from "node:net";

/** The outcome of normalising an endpoint: `scheme://host[:port]`, or why the input is refused. */
export type EndpointResult = { readonly endpoint: string } | { readonly problem: string };

/** True for hosts that never leave this machine: `localhost`, 127.0.0.0/8 and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

/** True when requests to `hostname` must use path-style addressing (an IP or `localhost`). */
export function usesPathStyle(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host.toLowerCase() === "localhost" || isIP(host) !== 0;
}

// scheme "://" authority (no path, query, fragment, whitespace or backslash) and one optional "/".
const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\\\s]+\/?$/;

/**
 * Validates an endpoint override. Plain http is allowed only for loopback (a credential-signed
 * request over the network must be encrypted); credentials, paths, queries and fragments are
 * refused because they would change where the signed request goes.
 */
export function normalizeEndpoint(input: string): EndpointResult {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { problem: "must be an absolute URL such as https://oss-cn-hangzhou-internal.aliyuncs.com" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: "must use https (or http for a loopback address)" };
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return { problem: "must use https; plain http is allowed only for 127.0.0.1, ::1 or localhost" };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: "must not carry credentials; configure them through stack config or the environment" };
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.hash !== "" || input.includes("?") || input.includes("#")) {
    return { problem: "must be a scheme and host (and port) only, without a path, query or fragment" };
  }
  // The URL parser drops some paths without a trace (`/.`, `/..`, `/%2e/`, a backslash form) and
  // strips tabs and line breaks anywhere: whatever it would discard is refused, not ignored.
  if (!SCHEME_AND_AUTHORITY.test(input)) {
    return { problem: "must be exactly scheme://host[:port] with at most one trailing /; anything after the host would be dropped" };
  }
  if (url.port === "0") {
    return { problem: "must not use port 0, which no server listens on; leave the port out for the scheme's default" };
  }
  return { endpoint: `${url.protocol}//${url.host}` };
}
