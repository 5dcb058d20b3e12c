import { UNKNOWN_VALUE } from "../model/constants";
import { PROPERTIES, type Property, PROPERTY_SPECS } from "../model/properties";
import { normalizeProps } from "../validation/normalize";

/** How one property changes: it appears, it goes, or its value changes. */
export interface PropertyChange {
  readonly property: Property;
  readonly kind: "add" | "delete" | "update";
  /** True when this change replaces the resource (it addresses another bucket). */
  readonly replaces: boolean;
}

/** The outcome of comparing stored outputs with checked inputs. */
export interface DiffOutcome {
  readonly changes: boolean;
  /** Properties whose change replaces the resource: the bucket's identity. */
  readonly replaces: readonly Property[];
  /** Properties that differ, in property order. */
  readonly changed: readonly Property[];
  /** Each difference, with its kind (for a provider's detailed diff). */
  readonly details: readonly PropertyChange[];
  readonly deleteBeforeReplace: boolean;
}

/**
 * Compares old outputs with new checked inputs, both in normal form (`normalizeProps`), so
 * outputs from an older release or a refresh never show a perpetual diff; `__provider` and
 * anything else the engine adds is ignored. A value not known yet (preview) counts as a change.
 * No request is made. Replacements delete the old rule before creating the new one, so that a
 * replacement which still addresses the same bucket (e.g. through the same endpoint) ends with
 * the rule in place rather than deleted after the create.
 */
export function diffStates(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): DiffOutcome {
  const before = normalizeProps(olds);
  const after = normalizeProps(news);
  const details: PropertyChange[] = [];
  for (const property of PROPERTIES) {
    const was = before[property];
    const is = after[property];
    if (is !== UNKNOWN_VALUE && was === is) continue;
    const kind = was === undefined ? "add" : is === undefined ? "delete" : "update";
    details.push({ property, kind, replaces: PROPERTY_SPECS[property].change === "replace" });
  }
  const replaces = details.filter((d) => d.replaces).map((d) => d.property);
  return { changes: details.length > 0, replaces, changed: details.map((d) => d.property), details, deleteBeforeReplace: replaces.length > 0 };
}
