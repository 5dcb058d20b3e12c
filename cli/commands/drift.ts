import path from "node:path";
import { type Command, Option } from "commander";
import { openWorkspace } from "../automation/openWorkspace";
import { type DriftOptions, FORMATS } from "../drift/options";
import type * as RunDrift from "../drift/runDrift";
import { EXIT, type ExitCode } from "../exitCodes";
import { collect, wholeNumber } from "../options/numbers";

const EXAMPLE = `
Examples:
  $ pulumi-bucket-encryption drift --stack prod
  $ pulumi-bucket-encryption drift --stack prod --output drift.xml --output drift.json
  $ pulumi-bucket-encryption drift --cwd infra --format json --config bucketEncryption:maxAttempts=3

Compares the program with the live buckets (a refresh preview through the Pulumi Automation API);
never writes state. Every --output FILE gets the format its name ends with (.json JSON, .xml JUnit,
.md Markdown), else --format; stdout then gets the table. When GITHUB_STEP_SUMMARY is set, a
Markdown summary is appended there. Progress goes to stderr.

Exit codes: ${EXIT.ok} in sync, ${EXIT.finding} drift (or anything else that would change), ${EXIT.error} error (credentials,
network, program). An error wins over drift: the report is then incomplete.`;

/** Registers `drift`. */
export function register(program: Command, finish: (code: ExitCode) => void): void {
  program
    .command("drift")
    .description("Report which BucketEncryption rules drifted from the program, how, and what to do next.")
    .option("-s, --stack <name>", "the stack (default: the selected stack)")
    .option("-C, --cwd <dir>", "the Pulumi project directory", process.cwd())
    .option("-p, --parallel <n>", "resource operations run at once, as pulumi --parallel", wholeNumber(1))
    .option("-c, --config <key=value>", "a config value for this run only (repeatable); the stack's file is not changed", collect, [])
    .addOption(new Option("-f, --format <format>", "what stdout (and --output) gets").choices(FORMATS))
    .option("-o, --output <file>", "also write the report to FILE (repeatable)", collect, [])
    .option("--no-color", "no colour, even on a terminal")
    .addHelpText("after", EXAMPLE)
    .action(async (options: DriftOptions) => {
      const started = Date.now();
      // The workspace opens first, so that its `pulumi version` child runs while the report's
      // own modules load; runDrift awaits it and reports its failure (this only marks it handled).
      const workspace = openWorkspace(path.resolve(options.cwd));
      workspace.catch(() => undefined);
      const { runDrift } = require("../drift/runDrift") as typeof RunDrift;
      finish(await runDrift(options, workspace, started));
    });
}

