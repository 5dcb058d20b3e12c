import { packageVersion } from "../provider/internal";

/** The package's version (see `packageVersion`), `0.0.0` when it cannot be found. */
export function version(): string {
  const found = packageVersion();
  return found === "unknown" ? "0.0.0" : found;
}
