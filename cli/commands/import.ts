import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { CLOUDS, type Cloud, createClient, SIGNATURE_VERSION_CHOICES } from "../../provider/internal";
import { mapBounded } from "../concurrency/mapBounded";
import { type BucketStatus, type BucketTarget, declaredState, readBucketStatus } from "../fleet/bucketStatus";
import { choosesSignature, parseBucketTarget, parseReach } from "../fleet/targets";
import { uniqueTargets } from "../fleet/uniqueTargets";
import { EXIT, type ExitCode } from "../exitCodes";
import { wholeNumber } from "../options/numbers";
import { ProgressDisplay } from "../output/progress";
import { parseBucketList } from "../importFile/bucketList";
import type { Declaration } from "../importFile/declarations";
import { importOutcome, importReportJson, importReportTable } from "../importFile/importReport";
import { resourceNames } from "../importFile/resourceNames";
import { outputProblem, RESOURCE_KINDS, type ResourceKind, writeImport } from "../importFile/writeImport";
import { displayText } from "../output/inert/displayText";

interface ImportOptions {
  cloud?: string;
  region?: string;
  endpoint?: string;
  signatureVersion?: string;
  from?: string;
  out: string;
  declarations: string;
  protect: boolean;
  concurrency: number;
  format: "table" | "json";
  resourceType: ResourceKind;
}

/** Registers `import`: read live rules and write a Pulumi import file plus matching declarations. */
export function register(program: Command, finish: (code: ExitCode) => void): void {
  program
    .command("import")
    .description(
      "Read each bucket's live rule (one GET) and write a Pulumi import file and the TypeScript declarations that match it. " +
        "A bucket with no rule, or no bucket, is reported and left out.",
    )
    .argument("[buckets...]", "bucket names (with --cloud and --region)")
    .addOption(new Option("--cloud <cloud>", "the cloud of the buckets named as arguments").choices([...CLOUDS]))
    .option("--region <region>", "their region (cn-hangzhou, cn-north-1, ...)")
    .option("--endpoint <url>", "an endpoint replacing the region's public one (the resource's endpoint input)")
    .addOption(new Option("--signature-version <version>", "for clouds with a choice of signature (Aliyun: v4, v1)").choices([...SIGNATURE_VERSION_CHOICES]))
    .option("--from <file>", "a file of buckets, one <cloud>:<region>:<bucket> per line (# comments)")
    .option("--out <file>", "the import file to write", "bucket-encryption-import.json")
    .option("--declarations <file>", "the TypeScript declarations to write (dynamic resource only)", "bucket-encryption-imported.ts")
    .addOption(new Option("--resource-type <type>", "import as the dynamic resource (TypeScript declarations written here) or the provider plugin's resource (Pulumi writes the declarations)").choices([...RESOURCE_KINDS]).default("dynamic"))
    .option("--no-protect", "for `pulumi import --protect=false`: declarations without { protect: true }")
    .option("--concurrency <n>", "buckets read at once", wholeNumber(1), 8)
    .addOption(new Option("--format <format>", "the report on stdout").choices(["table", "json"]).default("table"))
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  $ export ALIBABA_CLOUD_ACCESS_KEY_ID=... ALIBABA_CLOUD_ACCESS_KEY_SECRET=...",
        "  $ pulumi-bucket-encryption import --cloud aliyun --region cn-hangzhou acme-logs acme-backups",
        "  $ pulumi import --file bucket-encryption-import.json --generate-code=false",
        "",
        "Run it in the Pulumi project, with the package installed there: the provider text written is the one",
        "the installed package stores. Credentials come from the environment (the resource's conventions).",
        `Exit codes: ${EXIT.ok} every bucket imported, ${EXIT.finding} a bucket had no rule, did not exist or held a rule the resource cannot declare, ${EXIT.error} error (a bucket could not be read).`,
      ].join("\n"),
    )
    .action(async (buckets: string[], options: ImportOptions) => {
      finish(await runImport(buckets, options));
    });
}

async function runImport(buckets: readonly string[], options: ImportOptions): Promise<ExitCode> {
  const targets: BucketTarget[] = [];
  const problems: string[] = [];
  if (buckets.length > 0) {
    if (options.cloud === undefined || options.region === undefined) problems.push("buckets given as arguments need --cloud and --region");
    else {
      const reach = parseReach(options.cloud as Cloud, options.endpoint, options.signatureVersion);
      if ("problem" in reach) problems.push(reach.problem);
      else for (const bucket of buckets) collect(parseBucketTarget(options.cloud, options.region, bucket, reach.value));
    }
  }
  if (options.from !== undefined) {
    const list = parseBucketList(readFileSync(options.from, "utf8"));
    problems.push(...list.problems.map((p) => `${options.from}: ${p}`));
    for (const address of list.buckets) {
      const reach = parseReach(address.cloud, options.endpoint, choosesSignature(address.cloud) ? options.signatureVersion : undefined);
      if ("problem" in reach) problems.push(reach.problem);
      else collect(parseBucketTarget(address.cloud, address.region, address.bucket, reach.value));
    }
  }
  if (targets.length === 0 && problems.length === 0) problems.push("name buckets (with --cloud and --region) or give --from <file>");
  const files = options.resourceType === "dynamic" ? outputProblem({ importFile: options.out, declarationsFile: options.declarations }) : undefined;
  if (files !== undefined) problems.push(files);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`error: ${displayText(p, 1000)}\n`);
    return EXIT.error;
  }

  // One bucket named twice would be two Pulumi resources managing one rule: it is read and declared once.
  const unique = uniqueTargets(targets);
  for (const id of unique.repeated) process.stderr.write(`note: ${id} is named more than once; it is read and declared once\n`);
  const client = createClient({ config: () => undefined, env: process.env }).client;
  const progress = new ProgressDisplay(process.stderr).counter("reading rules");
  progress.setTotal(unique.targets.length);
  let statuses: BucketStatus[];
  try {
    statuses = await mapBounded(unique.targets, options.concurrency, async (target) => {
      const status = await readBucketStatus(client, target);
      progress.tick();
      return status;
    });
  } finally {
    progress.done();
    client.close();
  }

  const encrypted = statuses.flatMap((s) => (s.finding.kind === "encrypted" ? [{ status: s, declared: declaredState(s.target, s.finding.rule) }] : []));
  const importable = encrypted.filter((e) => "state" in e.declared);
  const names = resourceNames(importable.map((e) => e.status.target));
  const declarations: Declaration[] = importable.map((e, i) => ({ name: names[i] ?? e.status.target.bucket, state: (e.declared as { state: Declaration["state"] }).state, imported: true }));
  const nameOf = new Map(importable.map((e, i) => [e.status, names[i]]));
  const problemOf = new Map(encrypted.flatMap((e) => ("problem" in e.declared ? [[e.status, e.declared.problem] as const] : [])));
  const outcomes = statuses.map((s) => importOutcome(s, nameOf.get(s), problemOf.get(s)));
  process.stdout.write(options.format === "json" ? importReportJson(outcomes) : importReportTable(outcomes));

  if (declarations.length > 0) {
    const next = await writeImport(declarations, { importFile: options.out, declarationsFile: options.declarations, protect: options.protect, resourceType: options.resourceType });
    const count = `${declarations.length} resource${declarations.length === 1 ? "" : "s"}`;
    process.stderr.write(
      options.resourceType === "plugin"
        ? `wrote ${options.out} (${count}).\nNext: run\n  ${next}\nin the program's project; Pulumi prints the declarations to add, in the program's language.\n`
        : `wrote ${options.out} (${count}) and ${options.declarations}.\nNext: add the declarations to the program, then run\n  ${next}\n`,
    );
  } else {
    process.stderr.write("nothing to import: no bucket had a rule that can be declared; no file written.\n");
  }
  if (outcomes.some((o) => o.result === "error")) return EXIT.error;
  return outcomes.some((o) => o.result !== "imported") ? EXIT.finding : EXIT.ok;

  function collect(parsed: { value: BucketTarget } | { problem: string }): void {
    if ("problem" in parsed) problems.push(parsed.problem);
    else targets.push(parsed.value);
  }
}
