import type { Command } from "commander";
import type { ExitCode } from "../exitCodes";

/** A command of the CLI: it registers itself on the program and hands its exit code to `finish`. */
export interface CommandModule {
  register(program: Command, finish: (code: ExitCode) => void): void;
}
