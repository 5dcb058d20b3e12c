import { existsSync } from "node:fs";
import os from "node:os";

/** What credential selection may look at besides config and environment. */
export interface Surroundings {
  /** Whether a file exists (profile files select a source by being there). */
  readonly fileExists: (file: string) => boolean;
  /** The home directory profile files are read from (the one the credentials library uses). */
  readonly homeDir: string;
}

/** The real file system and home directory (the one `@alicloud/credentials` reads too). */
export function realSurroundings(): Surroundings {
  return { fileExists: existsSync, homeDir: os.homedir() };
}
