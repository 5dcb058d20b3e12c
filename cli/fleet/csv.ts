/**
 * RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted with quotes doubled; lines end
 * with CRLF. A field starting with `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet never
 * runs a bucket's value as a formula. Hand-written: the whole format is these two rules.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
