/**
 * Lays out rows as aligned columns. `width` measures what the eye sees, so cells already holding
 * colour escapes line up too. The last column is never padded (it may be long).
 */
export function textTable(rows: ReadonlyArray<readonly string[]>, gap = 2): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - visibleWidth(cell) + gap))).join("").trimEnd())
    .join("\n");
}

// ANSI SGR sequences (colours) take no room on screen.
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The width of a cell on screen, without colour escapes. */
export function visibleWidth(text: string): number {
  return [...text.replace(SGR, "")].length;
}

/** A table with a header row and a rule of dashes under it, each line ending in a newline. */
export function headedTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ""))));
  return `${textTable([header, widths.map((w) => "-".repeat(w)), ...rows])}\n`;
}
