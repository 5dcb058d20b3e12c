import { diffStates } from "../../provider/internal";
import type { LiveRule, PropertyDrift } from "./model";

type Props = Readonly<Record<string, unknown>>;

/** The rule part of a resource's inputs or outputs. */
export function ruleOf(props: Props): LiveRule | undefined {
  const algorithm = props["sseAlgorithm"];
  if (typeof algorithm !== "string") return undefined;
  return {
    sseAlgorithm: algorithm === "aws:kms" ? "KMS" : algorithm,
    ...(typeof props["kmsMasterKeyId"] === "string" && props["kmsMasterKeyId"] !== "" ? { kmsMasterKeyId: props["kmsMasterKeyId"] } : {}),
    ...(typeof props["kmsDataEncryption"] === "string" && props["kmsDataEncryption"] !== "" ? { kmsDataEncryption: props["kmsDataEncryption"] } : {}),
  };
}

/**
 * Each property whose declared value differs from the live one, compared exactly as the
 * provider's own diff compares them (normalised), so the report and `up` never disagree.
 */
export function propertyDrifts(live: Props, declared: Props): PropertyDrift[] {
  return diffStates(live, declared).changed.map((property) => ({
    property,
    declared: valueText(declared[property]),
    live: valueText(live[property]),
  }));
}

/** True when two rules are the same rule. */
export function sameRule(a: LiveRule, b: LiveRule): boolean {
  return a.sseAlgorithm === b.sseAlgorithm && a.kmsMasterKeyId === b.kmsMasterKeyId && a.kmsDataEncryption === b.kmsDataEncryption;
}

function valueText(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}
