import { execFileSync } from "node:child_process";
import { closeSync, openSync, symlinkSync } from "node:fs";

/** The kinds of file a credential path may wrongly name, each a hazard to a plain read. */
export const HOSTILE_FILES = ["fifo", "dev-zero", "100MB"] as const;
/** One of HOSTILE_FILES. */
export type HostileFile = (typeof HOSTILE_FILES)[number];

/** A sparse file of `bytes` (no disk used): a 100 MB token file costs nothing to make. */
export function sparseFile(file: string, bytes: number): string {
  closeSync(openSync(file, "w"));
  execFileSync("truncate", ["-s", String(bytes), file]);
  return file;
}

/** A named pipe nobody writes to: a plain read of it blocks for ever. */
export function fifo(file: string): string {
  execFileSync("mkfifo", [file]);
  return file;
}

/**
 * Makes `file` the hostile kind asked for: a FIFO, a link to /dev/zero (endless), or a 100 MB
 * sparse file. Returns the path.
 */
export function hostileFile(file: string, kind: HostileFile): string {
  switch (kind) {
    case "fifo":
      return fifo(file);
    case "dev-zero":
      symlinkSync("/dev/zero", file);
      return file;
    case "100MB":
      return sparseFile(file, 100 * 1024 * 1024);
  }
}
