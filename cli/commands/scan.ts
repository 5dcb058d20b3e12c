import { type Command, Option } from "commander";
import { createClient, DEFAULT_LIST_LIMITS, inertServerText, MAX_SERVER_FIELD, type ServiceTarget, SIGNATURE_VERSION_CHOICES, SSE_ALGORITHMS } from "../../provider/internal";
import { AdaptiveLimit } from "../concurrency/adaptiveLimit";
import { type BucketStatus, declaredState, targetId } from "../fleet/bucketStatus";
import { parseServiceTarget } from "../fleet/targets";
import { EXIT, type ExitCode } from "../exitCodes";
import { collect, wholeNumber } from "../options/numbers";
import { ProgressDisplay } from "../output/progress";
import type { Declaration } from "../importFile/declarations";
import { resourceNames } from "../importFile/resourceNames";
import { outputProblem, RESOURCE_KINDS, type ResourceKind, writeImport } from "../importFile/writeImport";
import { displayText } from "../output/inert/displayText";
import { type Declared, declaredInStack } from "../scan/declaredBuckets";
import { scanFleet } from "../scan/scanFleet";
import { type ScanReport, scanCsv, scanExitCode, scanJson, scanRow, scanTable } from "../scan/scanReport";

interface ScanOptions {
  target: string[];
  signatureVersion?: string;
  stack?: string;
  cwd: string;
  concurrency: number;
  pageSize?: number;
  maxPages: number;
  maxBuckets: number;
  format: "table" | "json" | "csv";
  import?: boolean;
  algorithm?: string;
  kmsMasterKeyId?: string;
  out: string;
  declarations: string;
  protect: boolean;
  resourceType: ResourceKind;
}

/** Registers `scan`: every bucket of the given regions, its rule, and whether a stack declares it. */
export function register(program: Command, finish: (code: ExitCode) => void): void {
  program
    .command("scan")
    .description(
      "List every bucket the credentials can see in each region (ListBuckets), read each bucket's rule, and report: " +
        "encrypted (with what), not encrypted, and whether a stack declares it.",
    )
    .requiredOption("--target <cloud:region[=endpoint]>", "a region to scan; repeat for more (endpoint: replaces the public one)", collect, [])
    .addOption(new Option("--signature-version <version>", "for clouds with a choice of signature (Aliyun: v4, v1)").choices([...SIGNATURE_VERSION_CHOICES]))
    .option("--stack <name>", "compare with this stack's state (Automation API stack export)")
    .option("--cwd <dir>", "the Pulumi project directory of --stack", process.cwd())
    .option("--concurrency <n>", "rules read at once (requests in flight; halved while the service throttles, then raised again)", wholeNumber(1), 8)
    .option("--page-size <n>", "buckets per ListBuckets page where the cloud pages (clamped to the cloud's limit; Aliyun: 1000)", wholeNumber(1))
    .option("--max-pages <n>", "stop a region's listing after this many pages (exit 1)", wholeNumber(1), DEFAULT_LIST_LIMITS.maxPages)
    .option("--max-buckets <n>", "stop a region's listing past this many buckets (exit 1)", wholeNumber(1), DEFAULT_LIST_LIMITS.maxBuckets)
    .addOption(new Option("--format <format>", "output on stdout").choices(["table", "json", "csv"]).default("table"))
    .option("--import", "write the import file and declarations for the buckets the stack does not declare")
    .addOption(new Option("--algorithm <algorithm>", "with --import: the rule to declare for buckets without one").choices([...SSE_ALGORITHMS]))
    .option("--kms-master-key-id <id>", "with --import and --algorithm KMS: the key to declare")
    .option("--out <file>", "with --import: the import file", "bucket-encryption-import.json")
    .option("--declarations <file>", "with --import: the TypeScript declarations (dynamic resource only)", "bucket-encryption-imported.ts")
    .addOption(new Option("--resource-type <type>", "with --import: import as the dynamic resource (TypeScript declarations written here) or the provider plugin's resource (Pulumi writes the declarations)").choices([...RESOURCE_KINDS]).default("dynamic"))
    .option("--no-protect", "with --import: for `pulumi import --protect=false`")
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  $ pulumi-bucket-encryption scan --target aliyun:cn-hangzhou --target jdcloud:cn-north-1 --stack prod --format csv > buckets.csv",
        "  $ pulumi-bucket-encryption scan --target aliyun:cn-hangzhou --stack prod --import --algorithm KMS",
        "",
        "Credentials come from the environment (the resource's conventions); --stack needs the Pulumi CLI and the stack's backend.",
        `Exit codes: ${EXIT.ok} every bucket has a rule, ${EXIT.finding} a bucket lacks the rule, ${EXIT.error} error (a region not listed or a bucket not read: the scan is incomplete).`,
      ].join("\n"),
    )
    .action(async (options: ScanOptions) => {
      finish(await runScan(options));
    });
}

async function runScan(options: ScanOptions): Promise<ExitCode> {
  const problems: string[] = [];
  const targets: ServiceTarget[] = [];
  for (const text of options.target) {
    const parsed = parseServiceTarget(text, options.signatureVersion);
    if ("problem" in parsed) problems.push(parsed.problem);
    else targets.push(parsed.value);
  }
  if (options.import === true && options.stack === undefined) problems.push("--import needs --stack: only buckets the stack does not declare are imported");
  const files = options.import === true && options.resourceType === "dynamic" ? outputProblem({ importFile: options.out, declarationsFile: options.declarations }) : undefined;
  if (files !== undefined) problems.push(files);
  if (options.resourceType === "plugin" && options.algorithm !== undefined) {
    problems.push("--algorithm declares buckets without a rule in TypeScript for the dynamic resource; with --resource-type plugin they are listed for you to declare in the program");
  }
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`error: ${displayText(p, 1000)}\n`);
    return EXIT.error;
  }

  let declared: Declared | undefined;
  if (options.stack !== undefined) {
    try {
      declared = await declaredInStack(options.stack, options.cwd);
    } catch (error) {
      process.stderr.write(`error: cannot read stack ${options.stack}'s state in ${options.cwd}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.error;
    }
  }

  // Every request, retries included, waits for room under one limit that halves while the service
  // throttles (429, SlowDown) and grows back while it does not.
  const limit = new AdaptiveLimit(options.concurrency);
  const client = createClient({ config: () => undefined, env: process.env }, { admission: () => limit.admit() }).client;
  const progress = new ProgressDisplay(process.stderr).counter("scanning buckets");
  const duplicates = new Map<string, number>();
  let statuses: readonly BucketStatus[];
  let report: ScanReport;
  try {
    const scan = await scanFleet(client, targets, {
      concurrency: limit,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      maxPages: options.maxPages,
      maxBuckets: options.maxBuckets,
      progress,
      onDuplicate: (target, bucket) => duplicates.set(`${target.cloud}:${target.region}:${bucket}`, (duplicates.get(`${target.cloud}:${target.region}:${bucket}`) ?? 0) + 1),
    });
    statuses = scan.statuses;
    report = { rows: scan.statuses.map((s) => scanRow(s, declared?.ids)), listingFailures: scan.listingFailures };
  } finally {
    progress.done();
    client.close();
  }
  const render = { table: scanTable, json: scanJson, csv: scanCsv }[options.format];
  process.stdout.write(render(report));
  for (const f of report.listingFailures) process.stderr.write(`error: listing ${f.target.cloud}:${f.target.region} failed: ${displayText(f.error, 1000)}\n`);
  for (const [id, extra] of duplicates) process.stderr.write(`note: the listing named ${inertServerText(id, MAX_SERVER_FIELD * 2)} ${extra + 1} times; it was read once\n`);
  if (limit.lowestReached < limit.max) process.stderr.write(`note: the service throttled; concurrency went down to ${limit.lowestReached} (of ${limit.max})\n`);

  if (options.import === true && declared !== undefined) {
    const written = await writeUndeclared(statuses, declared, options);
    if (written === EXIT.error) return EXIT.error;
  }
  return scanExitCode(report);
}

// The buckets the stack does not declare: those with a rule are imported as they are; those
// without one are declared with the chosen rule (not imported: `pulumi up` sets it).
async function writeUndeclared(statuses: readonly BucketStatus[], declared: Declared, options: ScanOptions): Promise<ExitCode> {
  const candidates: Array<Omit<Declaration, "name">> = [];
  for (const s of statuses) {
    if (declared.ids.has(targetId(s.target))) continue;
    const finding = s.finding;
    if (finding.kind === "encrypted") {
      const d = declaredState(s.target, finding.rule);
      if ("state" in d) candidates.push({ state: d.state, imported: true });
      else process.stderr.write(`not imported: ${displayText(targetId(s.target))}: its live rule cannot be declared: ${displayText(d.problem)}\n`);
    } else if (finding.kind === "unencrypted") {
      if (options.algorithm === undefined) continue;
      const d = declaredState(s.target, {
        sseAlgorithm: options.algorithm,
        ...(options.kmsMasterKeyId !== undefined ? { kmsMasterKeyId: options.kmsMasterKeyId } : {}),
      });
      if ("state" in d) candidates.push({ state: d.state, imported: false });
      else process.stderr.write(`not declared: ${displayText(targetId(s.target))}: ${displayText(d.problem)}\n`);
    }
  }
  const bare = statuses.filter((s) => s.finding.kind === "unencrypted" && !declared.ids.has(targetId(s.target)));
  if (options.algorithm === undefined && bare.length > 0) {
    process.stderr.write(
      options.resourceType === "plugin"
        ? `buckets without a rule, to declare in the program: ${bare.map((s) => displayText(targetId(s.target))).join(", ")}\n`
        : "buckets without a rule are not declared: give --algorithm to declare them.\n",
    );
  }
  if (candidates.length === 0) {
    process.stderr.write("--import: every bucket found is declared already (or cannot be); no file written.\n");
    return EXIT.ok;
  }
  const names = resourceNames(candidates.map((c) => c.state), declared.names);
  const declarations = candidates.map((c, i) => ({ ...c, name: names[i] ?? c.state.bucket }));
  const next = await writeImport(declarations, { importFile: options.out, declarationsFile: options.declarations, protect: options.protect, resourceType: options.resourceType });
  const imported = declarations.filter((d) => d.imported).length;
  if (options.resourceType === "plugin") {
    process.stderr.write(`wrote ${options.out} (${imported} to import).\nNext: run\n  ${next}\nin the program's project; Pulumi prints the declarations to add, in the program's language.\n`);
    return EXIT.ok;
  }
  process.stderr.write(
    `wrote ${options.out} (${imported} to import) and ${options.declarations} (${declarations.length} declarations, ${declarations.length - imported} with a new rule).\n` +
      `Next: add the declarations to the program, then run\n  ${next}\nthen \`pulumi up\` sets the rules of the buckets that had none.\n`,
  );
  return EXIT.ok;
}
