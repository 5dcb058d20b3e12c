import { bodyExcerpt, looksLikeHtml, parseServiceErrorBody } from "../xml/serviceErrorBody";
import type { UnprovenBody } from "../errors/AcknowledgementError";
import { parseXml, type XmlNode } from "../xml/parseXml";

/**
 * What a 2xx body is, before anything is believed. PUT answers 200 and DELETE 204, both with an
 * empty body (both clouds' documents, MinIO); GET answers the rule document.
 */
export type SuccessBody =
  | { readonly kind: "empty" }
  | { readonly kind: "document"; readonly root: string; readonly document: Record<string, XmlNode> }
  /** Not well-formed XML although it claims or looks like XML: a cut or a garbled reply, which may heal. */
  | { readonly kind: "malformed"; readonly reason: string; readonly cause: unknown }
  | { readonly kind: "unproven"; readonly body: UnprovenBody };

/** Classifies a 2xx body. Pure; never throws. */
export function classifySuccessBody(body: string, contentType: string | undefined): SuccessBody {
  if (body.trim() === "") return { kind: "empty" };
  if (looksLikeHtml(body, contentType)) return { kind: "unproven", body: { kind: "html", excerpt: bodyExcerpt(body, contentType) } };
  let document: Record<string, XmlNode>;
  try {
    document = parseXml(body);
  } catch (error) {
    // A body that neither claims nor looks like XML is someone else's answer, not a cut one.
    if (!declaresXml(contentType) && !body.trimStart().startsWith("<")) {
      return { kind: "unproven", body: { kind: "other", excerpt: bodyExcerpt(body) } };
    }
    return { kind: "malformed", reason: error instanceof Error ? error.message : String(error), cause: error };
  }
  const root = Object.keys(document)[0] ?? "";
  if (root === "Error") return { kind: "unproven", body: { kind: "error-document", error: parseServiceErrorBody(body) } };
  return { kind: "document", root, document };
}

function declaresXml(contentType: string | undefined): boolean {
  return contentType !== undefined && /\bxml\b/i.test(contentType);
}
