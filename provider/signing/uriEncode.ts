/**
 * RFC 3986 percent-encoding with upper-case hex: everything but `A-Za-z0-9-._~` is encoded
 * (encodeURIComponent leaves `!'()*` alone, which both signature schemes encode).
 */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Like `uriEncode`, but keeps `/` as a path separator. */
export function uriEncodePath(value: string): string {
  return value.split("/").map(uriEncode).join("/");
}
