import type { LiveRule, PropertyDrift, ResourceStatus, StacklessFinding } from "./model";

/** A short label for each status, shared by every human-readable format. */
export const STATUS_LABELS: Readonly<Record<ResourceStatus, string>> = {
  "in-sync": "in sync",
  drifted: "drifted",
  "rule-missing": "rule missing",
  "bucket-missing": "bucket missing",
  "not-created": "not created yet",
  unreadable: "could not be read",
};

/** `KMS (key k1, data SM4)`, `AES256`, or `none`. */
export function ruleText(rule: LiveRule | undefined): string {
  if (rule === undefined) return "none";
  const extras = [
    ...(rule.kmsMasterKeyId !== undefined ? [`key ${rule.kmsMasterKeyId}`] : []),
    ...(rule.kmsDataEncryption !== undefined ? [`data ${rule.kmsDataEncryption}`] : []),
  ];
  return extras.length > 0 ? `${rule.sseAlgorithm} (${extras.join(", ")})` : rule.sseAlgorithm;
}

/** `sseAlgorithm: declared KMS, live AES256` (`recorded` when compared with the state). */
export function propertyDriftText(f: Pick<StacklessFinding, "comparedWith">, p: PropertyDrift): string {
  return `${p.property}: ${sideWord(f)} ${p.declared ?? "(none)"}, live ${p.live ?? "(none)"}`;
}

/**
 * One sentence per finding saying what differs and what to do next; the same words in the
 * table, the JUnit failure and the Markdown summary.
 */
export function findingDetail(f: StacklessFinding): string {
  switch (f.status) {
    case "in-sync":
      return `live rule ${ruleText(f.live ?? f.declared)} is the ${sideWord(f)} one`;
    case "drifted":
      return `${(f.properties ?? []).map((p) => propertyDriftText(f, p)).join("; ")}. Next: ${
        f.comparedWith === "state"
          ? "`pulumi up` puts the program's rule back (`drift --source program` shows it), or `pulumi refresh` records the live one"
          : "`pulumi up` restores the declared rule, or change the program to accept the live one"
      }`;
    case "rule-missing":
      return `the bucket holds no encryption rule (${sideWord(f)} ${ruleText(f.declared)}). Next: \`pulumi up\` sets it again`;
    case "bucket-missing":
      return `the bucket ${f.bucket ?? ""} does not exist. Next: recreate the bucket, or remove the resource from the program`;
    case "not-created":
      return adoptionText(f);
    case "unreadable":
      return `${f.error?.message ?? "unknown error"}`;
  }
}

// The compared-with side: what the program declares, or what the state recorded.
function sideWord(f: Pick<StacklessFinding, "comparedWith">): string {
  return f.comparedWith === "state" ? "recorded" : "declared";
}

function adoptionText(f: StacklessFinding): string {
  const adoption = f.adoption;
  const declared = ruleText(f.declared);
  if (adoption === undefined || adoption.bucket === "unknown") {
    return `not deployed yet; \`pulumi up\` would set ${declared}${f.error !== undefined ? ` (the live rule could not be read: ${f.error.message})` : ""}`;
  }
  if (adoption.bucket === "no-bucket") return `not deployed yet, and the bucket does not exist: \`pulumi up\` would fail. Next: create the bucket first`;
  if (adoption.bucket === "no-rule") return `not deployed yet; the bucket holds no rule: \`pulumi up\` would set ${declared}`;
  return adoption.wouldReplace
    ? `not deployed yet; the bucket already holds ${ruleText(adoption.liveRule)}, which \`pulumi up\` would replace with ${declared} (adoption)`
    : `not deployed yet; the bucket already holds the declared rule ${declared}: \`pulumi up\` adopts it unchanged`;
}
