import { type HttpResponse, type OutgoingRequest, type SendOptions, sendRequest } from "./sendRequest";
import { MISDIRECTED_REQUEST, RegionalHttpsAgent } from "./RegionalHttpsAgent";

/**
 * Sends one request like sendRequest, with the fallback HTTP defines for shared connections: a
 * 421 to a request that went to its region's shared pool is retried once, at once, on a
 * connection of the request's own name, and that name is never coalesced again. The retry
 * shares the attempt's deadline. Any other response, or a 421 on a connection of the request's
 * own name, is returned as it is (there is no better connection to try).
 */
export async function sendOnSharedConnections(request: OutgoingRequest, options: SendOptions): Promise<HttpResponse> {
  const agent = request.protocol === "https:" && options.agents?.https instanceof RegionalHttpsAgent ? options.agents.https : undefined;
  const alreadyMisdirected = agent?.isMisdirected(request.hostname, request.port) ?? true;
  const started = Date.now();
  const response = await sendRequest(request, options);
  // The agent marks the name when the 421 came on a connection opened for another name.
  if (response.status !== MISDIRECTED_REQUEST || alreadyMisdirected || agent?.isMisdirected(request.hostname, request.port) !== true) return response;
  const spentMs = Date.now() - started;
  return sendRequest(request, {
    ...options,
    timeoutMs: Math.max(1, options.timeoutMs - spentMs),
    connectTimeoutMs: Math.max(1, Math.min(options.connectTimeoutMs, options.timeoutMs - spentMs)),
  });
}
