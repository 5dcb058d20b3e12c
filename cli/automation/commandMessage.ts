/**
 * The CLI's own words from a failed Automation API command: its `error:` lines from stderr (the
 * API's CommandError carries the whole output, usage text included), else the first lines of the
 * error's message.
 */
export function commandMessage(error: unknown): string {
  const result = (error as { commandResult?: { stderr?: unknown } } | null)?.commandResult;
  const stderr = typeof result?.stderr === "string" ? result.stderr : "";
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("error:"));
  if (lines.length > 0) return lines.join("\n");
  return error instanceof Error ? error.message.split("\n").slice(0, 5).join("\n") : String(error);
}
