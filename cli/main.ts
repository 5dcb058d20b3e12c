#!/usr/bin/env node
import "./compileCache";
import { Command, CommanderError } from "commander";
import type { CommandModule } from "./commands/commandModule";
import { EXIT, type ExitCode } from "./exitCodes";
import { version } from "./version";

// Each command lives in its own module under ./commands and registers itself here; this file only
// wires them together and maps failures to exit codes.
const COMMANDS: Readonly<Record<string, () => CommandModule>> = {
  drift: () => require("./commands/drift") as CommandModule,
  import: () => require("./commands/import") as CommandModule,
  scan: () => require("./commands/scan") as CommandModule,
};

/**
 * Builds the program with every command registered; exported for tests. When `only` names a
 * command, only that one is loaded (the command being run: the others' modules cost start-up
 * time and are not needed); anything else (help, a typo) gets them all. A command's action hands
 * its exit code to `finish`.
 */
export function buildProgram(only?: string, finish: (code: ExitCode) => void = () => undefined): Command {
  const program = new Command("pulumi-bucket-encryption")
    .description("Drift reports, import and fleet scans for BucketEncryption resources on JD Cloud OSS and Alibaba Cloud OSS.")
    .version(version(), "-V, --version")
    .showHelpAfterError()
    .exitOverride();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) COMMANDS[name]?.().register(program, finish);
  program.addHelpText(
    "after",
    `\nExit codes: ${EXIT.ok} nothing found, ${EXIT.finding} something found (drift, a bucket without the rule), ${EXIT.error} error.`,
  );
  return program;
}

/** Runs the CLI with `argv` (as process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(argv[2], (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to
  // go, which is no error of this command's, so it ends quietly instead of with a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit();
  });
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
