import { inertServerText } from "./serverText";

/** Why a credential file was refused. */
export type CredentialFileProblem = "missing" | "unreadable" | "not-regular" | "too-large" | "too-slow";

/** The longest file path an error repeats (paths come from configuration, not from a secret). */
const MAX_PATH = 200;

/**
 * A credential file (an OIDC token, a CLI's profile file) could not be used: missing, not a
 * regular file (a FIFO would block the read for ever, a device such as /dev/zero never ends),
 * larger than any real one, or not read within its deadline. Names what the file is for and its
 * path; never a byte of its content. The cache names the configured source around it.
 */
export class CredentialFileError extends Error {
  override readonly name = "CredentialFileError";

  constructor(
    /** What the file is for, as a user knows it: `the OIDC token file`, `~/.jdc/config`. */
    readonly what: string,
    /** The path as configured. */
    readonly file: string,
    readonly problem: CredentialFileProblem,
    /** What was found (`is a FIFO (named pipe)`, `holds 104857600 bytes`), never the content. */
    detail: string,
  ) {
    super(`${what} ${JSON.stringify(inertServerText(file, MAX_PATH))} ${detail}`);
  }
}
