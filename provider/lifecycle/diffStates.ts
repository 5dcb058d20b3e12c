import { S3_KMS_WIRE_VALUE, UNKNOWN_VALUE } from "../constants";
import type { BucketEncryptionState } from "../model";

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

const COMPARED = [...IDENTITY_PROPERTIES, ...RULE_PROPERTIES, ...ACCESS_PROPERTIES] as const;

// Old outputs may come from an older version of this package or from a refresh: normalise them
// the same way check normalises inputs, so equal rules never show a diff.
function normalized(props: Readonly<Record<string, unknown>>, property: (typeof COMPARED)[number]): unknown {
  const value = props[property];
  if (value === undefined || value === null || value === "") {
    return property === "signatureVersion" && props["cloud"] === "aliyun" ? "v4" : undefined;
  }
  if (property === "sseAlgorithm" && value === S3_KMS_WIRE_VALUE) return "KMS";
  if (property === "region" && props["cloud"] === "aliyun" && typeof value === "string") return value.replace(/^oss-/, "");
  if (property === "endpoint" && typeof value === "string") return value.replace(/\/+$/, "");
  return value;
}

/**
 * Compares old outputs with new checked inputs; `__provider` and anything else the engine adds
 * is ignored. No request is made. Replacements delete the old rule before creating the new one,
 * so that a replacement which still addresses the same bucket (e.g. through the same endpoint)
 * ends with the rule in place rather than deleted after the create.
 */
export function diffStates(olds: Readonly<Record<string, unknown>>, news: BucketEncryptionState | Readonly<Record<string, unknown>>): DiffOutcome {
  const newProps = news as Readonly<Record<string, unknown>>;
  const changed = COMPARED.filter((property) => {
    const next = newProps[property];
    return next === UNKNOWN_VALUE || normalized(olds, property) !== normalized(newProps, property);
  });
  const replaces = changed.filter((p) => (IDENTITY_PROPERTIES as readonly string[]).includes(p));
  return { changes: changed.length > 0, replaces, changed, deleteBeforeReplace: replaces.length > 0 };
}
