import type { LiveRule, PropertyDrift, ResourceStatus, StacklessFinding } from "./model";

/**
 * How a format writes a value that came from a server, the state or the program into a sentence
 * of ours: a terminal makes it inert text, Markdown a code span. `kind` chooses the bound: a
 * `message` (an error) may be longer than a `value` (a name, a rule value). The sentence itself is
 * ours; a format that escapes whole texts (XML) may leave values as they are.
 */
export type Quote = (value: string, kind: "value" | "message") => string;

/** Leaves a value as it is: for formats that escape the whole sentence afterwards. */
export const asIs: Quote = (value) => value;

/** A short label for each status, shared by every human-readable format. */
export const STATUS_LABELS: Readonly<Record<ResourceStatus, string>> = {
  "in-sync": "in sync",
  drifted: "drifted",
  "rule-missing": "rule missing",
  "bucket-missing": "bucket missing",
  "not-created": "not created yet",
  unreadable: "could not be read",
};

/** `KMS (key k1, data SM4)`, `AES256`, or `none`, each value written by `quote`. */
export function ruleText(rule: LiveRule | undefined, quote: Quote = asIs): string {
  if (rule === undefined) return "none";
  const extras = [
    ...(rule.kmsMasterKeyId !== undefined ? [`key ${quote(rule.kmsMasterKeyId, "value")}`] : []),
    ...(rule.kmsDataEncryption !== undefined ? [`data ${quote(rule.kmsDataEncryption, "value")}`] : []),
  ];
  const algorithm = quote(rule.sseAlgorithm, "value");
  return extras.length > 0 ? `${algorithm} (${extras.join(", ")})` : algorithm;
}

/**
 * One sentence per finding saying what differs and what to do next; the same words in the
 * table, the JUnit failure and the Markdown summary, each value written by the format's `quote`.
 */
export function findingDetail(f: StacklessFinding, quote: Quote = asIs): string {
  switch (f.status) {
    case "in-sync":
      return `live rule ${ruleText(f.live ?? f.declared, quote)} is the ${sideWord(f)} one`;
    case "drifted":
      return `${(f.properties ?? []).map((p) => propertyDrift(f, p, quote)).join("; ")}. Next: ${
        f.comparedWith === "state"
          ? "`pulumi up` puts the program's rule back (`drift --source program` shows it), or `pulumi refresh` records the live one"
          : "`pulumi up` restores the declared rule, or change the program to accept the live one"
      }`;
    case "rule-missing":
      return `the bucket holds no encryption rule (${sideWord(f)} ${ruleText(f.declared, quote)}). Next: \`pulumi up\` sets it again`;
    case "bucket-missing":
      return `the bucket ${quote(f.bucket ?? "", "value")} does not exist. Next: recreate the bucket, or remove the resource from the program`;
    case "not-created":
      return adoptionText(f, quote);
    case "unreadable":
      return f.error !== undefined ? quote(f.error.message, "message") : "unknown error";
  }
}

/**
 * `kmsMasterKeyId: declared k1, live (none)` (`recorded` when compared with the state), each value
 * written by `quote`.
 */
export function propertyDrift(f: Pick<StacklessFinding, "comparedWith">, p: PropertyDrift, quote: Quote = asIs): string {
  const side = (value: string | null) => (value === null ? "(none)" : quote(value, "value"));
  return `${quote(p.property, "value")}: ${sideWord(f)} ${side(p.declared)}, live ${side(p.live)}`;
}

// The compared-with side: what the program declares, or what the state recorded.
function sideWord(f: Pick<StacklessFinding, "comparedWith">): string {
  return f.comparedWith === "state" ? "recorded" : "declared";
}

function adoptionText(f: StacklessFinding, quote: Quote): string {
  const adoption = f.adoption;
  const declared = ruleText(f.declared, quote);
  if (adoption === undefined || adoption.bucket === "unknown") {
    return `not deployed yet; \`pulumi up\` would set ${declared}${f.error !== undefined ? ` (the live rule could not be read: ${quote(f.error.message, "message")})` : ""}`;
  }
  if (adoption.bucket === "no-bucket") return `not deployed yet, and the bucket does not exist: \`pulumi up\` would fail. Next: create the bucket first`;
  if (adoption.bucket === "no-rule") return `not deployed yet; the bucket holds no rule: \`pulumi up\` would set ${declared}`;
  return adoption.wouldReplace
    ? `not deployed yet; the bucket already holds ${ruleText(adoption.liveRule, quote)}, which \`pulumi up\` would replace with ${declared} (adoption)`
    : `not deployed yet; the bucket already holds the declared rule ${declared}: \`pulumi up\` adopts it unchanged`;
}
