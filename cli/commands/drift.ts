import path from "node:path";
import { type Command, Option } from "commander";
import { openWorkspace } from "../automation/openWorkspace";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions, FORMATS, optionsProblem, SOURCES } from "../drift/options";
import type * as RunDrift from "../drift/runDrift";
import type * as RunStateDrift from "../drift/state/runStateDrift";
import type * as StartStateReads from "../drift/state/startStateReads";
import { EXIT, type ExitCode } from "../exitCodes";
import { collect, wholeNumber } from "../options/numbers";

const EXAMPLE = `
Examples:
  $ pulumi-bucket-encryption drift --stack prod
  $ pulumi-bucket-encryption drift --stack prod --output drift.xml --output drift.json
  $ pulumi-bucket-encryption drift --cwd infra --format json --config bucketEncryption:maxAttempts=3
  $ pulumi-bucket-encryption drift --source state --all-stacks --output drift.json
  $ pulumi-bucket-encryption drift --source state --stack dev --stack prod

--source program (the default) compares the program with the live buckets (a refresh preview
through the Pulumi Automation API). --source state compares the rule each stack's state recorded
at its last deployment with the live bucket, one GET per resource: no program runs, so neither
the program's dependencies nor a program that builds is needed. Neither writes state.

Every --output FILE gets the format its name ends with (.json JSON, .xml JUnit, .md Markdown),
else --format; stdout then gets the table. When GITHUB_STEP_SUMMARY is set, a Markdown summary is
appended there. Progress goes to stderr.

Exit codes: ${EXIT.ok} in sync, ${EXIT.finding} drift (or anything else that would change), ${EXIT.error} error (credentials,
network, program, a stack that could not be read). An error wins over drift: the report is then incomplete.`;

/** Registers `drift`. */
export function register(program: Command, finish: (code: ExitCode) => void): void {
  program
    .command("drift")
    .description("Report which BucketEncryption rules drifted from the program (or from the stacks' state), how, and what to do next.")
    .addOption(new Option("--source <source>", "what the live rules are compared with").choices(SOURCES).default("program"))
    .option("-s, --stack <name>", "the stack (repeatable with --source state; default: the selected stack)", collect, [])
    .option("--all-stacks", "every stack of the project in its backend (--source state)", false)
    .option("-C, --cwd <dir>", "the Pulumi project directory", process.cwd())
    .option("-p, --parallel <n>", "resource operations run at once, as pulumi --parallel (--source program)", wholeNumber(1))
    .option("--concurrency <n>", `live rules read at once (--source state; default ${DEFAULT_STATE_CONCURRENCY})`, wholeNumber(1))
    .option("-c, --config <key=value>", "a config value for this run only (repeatable); the stack's file is not changed", collect, [])
    .addOption(new Option("-f, --format <format>", "what stdout (and --output) gets").choices(FORMATS))
    .option("-o, --output <file>", "also write the report to FILE (repeatable)", collect, [])
    .option("--no-color", "no colour, even on a terminal")
    .addHelpText("after", EXAMPLE)
    .action(async (options: DriftOptions) => {
      const started = Date.now();
      const problem = optionsProblem(options);
      // A plain error: the CLI prints it and exits 1, as for any other usage mistake.
      if (problem !== undefined) throw new Error(problem);
      if (options.source === "state") {
        // The stacks' reads start first (their CLI processes run while the rest loads).
        const { startStateReads } = require("../drift/state/startStateReads") as typeof StartStateReads;
        const reads = startStateReads(options);
        reads.done.catch(() => undefined);
        await reads.started;
        const { runStateDrift } = require("../drift/state/runStateDrift") as typeof RunStateDrift;
        finish(await runStateDrift(options, reads.done, started));
      } else {
        // The workspace opens first, so that its `pulumi version` child runs while the report's
        // own modules load; the run awaits it and reports its failure (this only marks it handled).
        const workspace = openWorkspace(path.resolve(options.cwd));
        workspace.catch(() => undefined);
        const { runDrift } = require("../drift/runDrift") as typeof RunDrift;
        finish(await runDrift(options, workspace, started));
      }
    });
}

