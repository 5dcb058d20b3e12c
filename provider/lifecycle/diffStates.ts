import { UNKNOWN_VALUE } from "../constants";
import { normalizeProps, PROPERTIES } from "../validation/normalize";

/** The outcome of comparing stored outputs with checked inputs. */
export interface DiffOutcome {
  readonly changes: boolean;
  /** Properties whose change replaces the resource: the bucket's identity. */
  readonly replaces: readonly string[];
  /** Properties that differ, for the record. */
  readonly changed: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/** Identity: a change addresses another bucket, so the resource is replaced. */
export const IDENTITY_PROPERTIES = ["cloud", "region", "bucket"] as const;
/** The rule itself: a change is an update in place (one PUT). */
export const RULE_PROPERTIES = ["sseAlgorithm", "kmsMasterKeyId", "kmsDataEncryption"] as const;
/** How the bucket is reached: a change updates in place and never deletes the rule. */
export const ACCESS_PROPERTIES = ["endpoint", "signatureVersion"] as const;

/**
 * Compares old outputs with new checked inputs, both in normal form (`normalizeProps`), so
 * outputs from an older release or a refresh never show a perpetual diff; `__provider` and
 * anything else the engine adds is ignored. No request is made. Replacements delete the old rule
 * before creating the new one, so that a replacement which still addresses the same bucket (e.g.
 * through the same endpoint) ends with the rule in place rather than deleted after the create.
 */
export function diffStates(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): DiffOutcome {
  const before = normalizeProps(olds);
  const after = normalizeProps(news);
  const changed = PROPERTIES.filter((property) => after[property] === UNKNOWN_VALUE || before[property] !== after[property]);
  const replaces = changed.filter((p) => (IDENTITY_PROPERTIES as readonly string[]).includes(p));
  return { changes: changed.length > 0, replaces, changed, deleteBeforeReplace: replaces.length > 0 };
}
