import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MalformedResponseError } from "../errors/MalformedResponseError";

// Entities are never expanded and DOCTYPEs are refused outright: a response is data from the
// network, and entity expansion is the classic way to blow up a parser (billion laughs, XXE).
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const FORBIDDEN_MARKUP = /<!(?:DOCTYPE|ENTITY)/i;
const XML_ESCAPES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };

/** A parsed XML element: text, or child elements by local name. */
export type XmlNode = string | { readonly [name: string]: XmlNode | readonly XmlNode[] };

/** Parses `body` as one XML document, refusing DOCTYPE and ENTITY declarations. */
export function parseXml(body: string): Record<string, XmlNode> {
  if (FORBIDDEN_MARKUP.test(body)) {
    throw new MalformedResponseError("the response carries a DOCTYPE or ENTITY declaration, which is never accepted");
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new MalformedResponseError(`the response is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  }
  const parsed: unknown = parser.parse(body);
  if (typeof parsed !== "object" || parsed === null || Object.keys(parsed).length === 0) {
    throw new MalformedResponseError("the response holds no XML element");
  }
  return parsed as Record<string, XmlNode>;
}

/** The text of child `name` of `node` (the first one if repeated), with character references decoded. */
export function childText(node: XmlNode | readonly XmlNode[] | undefined, name: string): string | undefined {
  const element = childElement(node, name);
  if (element === undefined) return undefined;
  if (typeof element === "string") return decodeReferences(element);
  // An element with no text and no children parses as "" already; one with children is not text.
  return undefined;
}

/** Child `name` of `node` (the first one if repeated). */
export function childElement(node: XmlNode | readonly XmlNode[] | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
  const value = (node as { readonly [name: string]: XmlNode | readonly XmlNode[] })[name];
  return Array.isArray(value) ? (value[0] as XmlNode | undefined) : (value as XmlNode | undefined);
}

// Character references decode to one character each: nothing here can expand.
function decodeReferences(text: string): string {
  return text.replace(/&(?:lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (ref) => {
    if (ref.startsWith("&#")) {
      const code = ref[2] === "x" ? parseInt(ref.slice(3, -1), 16) : parseInt(ref.slice(2, -1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    }
    return XML_ESCAPES[ref] ?? ref;
  });
}

/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`);
}
