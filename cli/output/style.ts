import { inspect } from "node:util";

/** A colour a renderer may ask for; what it looks like is the terminal's business. */
export type Tone = "good" | "warn" | "bad" | "dim" | "strong";

const FORMATS: Readonly<Record<Tone, string>> = {
  good: "green",
  warn: "yellow",
  bad: "red",
  dim: "dim",
  strong: "bold",
};

/**
 * Applies a tone, or returns the text unchanged when colour is off. It adds escape sequences and
 * checks nothing: give it only text of our own or text the display sanitiser
 * (`inert/displayText`) already made inert, as `textTable` does for its cells.
 */
export type Paint = (tone: Tone, text: string) => string;

/** A Paint that colours (ANSI escapes) or one that leaves text alone. */
export function painter(color: boolean): Paint {
  if (!color) return (_tone, text) => text;
  // Node's own table of SGR codes. Not util.styleText: it checks process.stdout itself (and, on
  // newer Node, the environment), while here the caller has already decided for its own stream.
  return (tone, text) => {
    const [open, close] = inspect.colors[FORMATS[tone]] ?? [0, 0];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

/**
 * Whether to colour a stream: only a TTY, and never when the user said no (`--no-color`, or the
 * `NO_COLOR` convention, https://no-color.org).
 */
export function wantsColor(stream: { readonly isTTY?: boolean }, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  return stream.isTTY === true;
}
