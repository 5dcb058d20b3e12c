import { constants, promises as fs, type Stats } from "node:fs";
import { CredentialFileError } from "../errors/CredentialFileError";

/** The bounds every credential file is read within. */
export interface FileReadLimits {
  /** The most bytes a file may hold: a token or a profile file is a few KiB. */
  readonly maxBytes: number;
  /** The time allowed from opening the file to its last byte. */
  readonly timeoutMs: number;
}

/**
 * 64 KiB holds any OIDC token (a Kubernetes projected token is about 1 KiB) and a CLI profile
 * file with hundreds of profiles; 5 s is far more than a local file takes, and well inside the
 * shortest operation deadline a user can ask for and still get a request through.
 */
export const CREDENTIAL_FILE_LIMITS: FileReadLimits = { maxBytes: 64 * 1024, timeoutMs: 5_000 };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever, before any
// check could run. O_NOCTTY: a terminal device named by mistake must not become ours. Both are
// absent on Windows, where neither hazard exists in this form.
const optional = (flag: number | undefined): number => flag ?? 0;
const OPEN_FLAGS = constants.O_RDONLY | optional(constants.O_NONBLOCK) | optional(constants.O_NOCTTY);

/**
 * The text of a credential file, read only when it is a regular file of at most
 * `limits.maxBytes`, within `limits.timeoutMs`. The type is checked with fstat on the opened
 * descriptor (not on the path), so what is checked is what is read. Throws CredentialFileError
 * naming `what` and the path, never the content.
 */
export async function readCredentialFile(file: string, what: string, limits: FileReadLimits = CREDENTIAL_FILE_LIMITS): Promise<string> {
  return withinDeadline(readBounded(file, what, limits.maxBytes), limits.timeoutMs, () => new CredentialFileError(what, file, "too-slow", `was not read within ${limits.timeoutMs} ms`));
}

/** As readCredentialFile, but a file that does not exist is `undefined` (an optional file); any other problem still throws. */
export async function readOptionalCredentialFile(file: string, what: string, limits: FileReadLimits = CREDENTIAL_FILE_LIMITS): Promise<string | undefined> {
  try {
    return await readCredentialFile(file, what, limits);
  } catch (error) {
    if (error instanceof CredentialFileError && error.problem === "missing") return undefined;
    throw error;
  }
}

async function readBounded(file: string, what: string, maxBytes: number): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CredentialFileError(what, file, code === "ENOENT" ? "missing" : "unreadable", code === "ENOENT" ? "does not exist" : `cannot be opened (${code ?? "error"})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CredentialFileError(what, file, "not-regular", `is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new CredentialFileError(what, file, "too-large", `holds ${stats.size} bytes, more than the ${maxBytes} allowed`);
    // One byte more than allowed: a file that grew since fstat (or reports no size, as /proc
    // files do) is refused when that byte arrives, and nothing past it is ever read.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new CredentialFileError(what, file, "too-large", `holds more than the ${maxBytes} bytes allowed`);
    }
    return buffer.toString("utf8", 0, length);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isDirectory()) return "a directory";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

// A read that outlives its deadline is abandoned (its descriptor is closed when it ends): a
// local file answers in microseconds, so only a hung network file system gets here.
function withinDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
