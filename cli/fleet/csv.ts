import { csvField } from "../output/inert/csvField";

/**
 * RFC 4180 CSV: a header and one record per row, fields separated by commas, records ended by
 * CRLF. Every field, header included, goes through the CSV sanitiser (`inert/csvField`): no
 * formula, no control character, bounded, quoted when it holds a comma or a quote. Hand-written:
 * with fields made one line, the whole format is these rules.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
