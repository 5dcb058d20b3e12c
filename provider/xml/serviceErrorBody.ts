import { childText, parseXml } from "../xml/parseXml";
import type { ServiceErrorBody } from "../errors/ServiceErrorBody";
import { inertServerText, MAX_SERVER_FIELD, MAX_SERVER_MESSAGE } from "../errors/serverText";

/** The longest excerpt of a body that is not an error document. */
const MAX_EXCERPT = 120;

/**
 * Parses an error body, namespace-tolerantly (Aliyun sometimes adds `xmlns`). A body that is not
 * an `<Error>` document yields only an excerpt (or nothing when empty): the status then
 * describes the failure.
 */
export function parseServiceErrorBody(body: string): ServiceErrorBody {
  if (body.trim() === "") return {};
  let root;
  try {
    root = parseXml(body)["Error"];
  } catch {
    return { excerpt: bodyExcerpt(body) };
  }
  if (root === undefined) return { excerpt: bodyExcerpt(body) };
  const field = (name: string, max: number) => {
    const value = childText(root, name);
    const inert = value !== undefined ? inertServerText(value, max) : "";
    return inert !== "" ? inert : undefined;
  };
  const code = field("Code", MAX_SERVER_FIELD);
  const message = field("Message", MAX_SERVER_MESSAGE);
  const requestId = field("RequestId", MAX_SERVER_FIELD);
  const ec = field("EC", MAX_SERVER_FIELD);
  return {
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(ec !== undefined ? { ec } : {}),
  };
}

/**
 * What a body that is not the service's XML looks like, in a few words: an HTML page's title,
 * or the start of the text. Inert and bounded.
 */
export function bodyExcerpt(body: string, contentType?: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  if (title !== undefined && title.trim() !== "") return `an HTML page titled "${inertServerText(title, MAX_EXCERPT)}"`;
  if (looksLikeHtml(body, contentType)) return "an HTML page";
  return `"${inertServerText(body.slice(0, MAX_EXCERPT * 4), MAX_EXCERPT)}"`;
}

/** True when `body` (or its declared type) is an HTML or XHTML page rather than the service's XML. */
export function looksLikeHtml(body: string, contentType?: string): boolean {
  if (contentType !== undefined && /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(body);
}
