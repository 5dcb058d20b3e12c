/** The most a credential-source failure may say of the underlying text. */
const MAX_DETAIL = 300;

// Alibaba Cloud's RPC APIs answer errors as JSON (`Code`, `Message`, `RequestId`); STS echoes the
// string to sign in SignatureDoesNotMatch, and that string carries the caller's security token.
const STRING_TO_SIGN = /string to sign/i;

function fromServiceJson(text: string): string | undefined {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const code = typeof fields["Code"] === "string" ? fields["Code"] : undefined;
  const rawMessage = typeof fields["Message"] === "string" ? fields["Message"] : "";
  const message = STRING_TO_SIGN.test(rawMessage) ? rawMessage.slice(0, rawMessage.search(STRING_TO_SIGN)).trimEnd() : rawMessage;
  const requestId = typeof fields["RequestId"] === "string" ? fields["RequestId"] : undefined;
  const prefix = text.slice(0, start).replace(/[:=\s]+$/, "").replace(/,?\s*message$/, "");
  return [prefix, code !== undefined ? `${code}:` : "", message, requestId !== undefined ? `[request id ${requestId}]` : ""].filter((p) => p !== "").join(" ");
}

// Network errors of the library name the request's URL, whose query carries the caller's security
// token and signature; a timeout names it as a request line (`GET /creds?token=… failed`). Each
// word shaped like a URL or a path (a scheme, `host:port/path`, `/path`) keeps what comes before
// its `?` or `#`, and so does any word whose `?` starts a `name=value` query. Word by word, so the
// cost stays linear whatever the text.
function withoutQuery(word: string): string {
  const cut = word.search(/[?#]/);
  if (cut < 0) return word;
  const before = word.slice(0, cut);
  return before.includes("/") || /^\?[^?#=&]+=/.test(word.slice(cut)) ? before : word;
}

/** `text` with the query and fragment of every URL-looking word removed. */
export function withoutQueries(text: string): string {
  return text.replace(/\S+/g, withoutQuery);
}

// The most of a failure's text looked at: a library may put a whole answer in its message.
const MAX_SCANNED = 64 * 1024;

/**
 * What may be said of why a credential source failed: the service's code, message and request id
 * when the text holds an error body; otherwise the text up to its first detail (`…failed: <what
 * the file held>` loses the part after the colon, which may be a file's content). URLs lose their
 * query (see withoutQueries).
 */
export function describeSourceFailure(cause: unknown): string {
  const text = withoutQueries((cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_SCANNED));
  const described = fromServiceJson(text) ?? text.replace(/(failed|unmarshal fail|result):[\s\S]*$/, "$1").replace(/,?\s*message = [\s\S]*$/, "");
  return described.length > MAX_DETAIL ? `${described.slice(0, MAX_DETAIL)}…` : described;
}
