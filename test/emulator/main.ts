import { OssEmulator } from "./ossEmulator";

// Runs the emulator as its own process (benchmarks keep its CPU apart from the client's).
// Credentials come from EMULATOR_ACCESS_KEY_ID / EMULATOR_SECRET; buckets from argv (`name` or
// `name=ALGORITHM` for a bucket with a rule). Prints the
// URL on its first line, then the request count whenever it reads a line on stdin (`list`: ListBuckets requests only;
// `get`: GETs of a bucket's rule only).
const emulator = new OssEmulator([
  { accessKeyId: process.env["EMULATOR_ACCESS_KEY_ID"] ?? "", secretAccessKey: process.env["EMULATOR_SECRET"] ?? "" },
]);
// `name` creates a bucket; `name=ALGORITHM` creates it with that rule set.
// EMULATOR_LATENCY_MS delays every answer, as a remote service's round trip would.
emulator.latencyMs = Number(process.env["EMULATOR_LATENCY_MS"] ?? "0") || 0;
for (const arg of process.argv.slice(2)) {
  const [bucket = "", algorithm] = arg.split("=");
  emulator.createBucket(bucket);
  if (algorithm !== undefined) emulator.setRule(bucket, { SSEAlgorithm: algorithm });
}
void emulator.start().then((url) => {
  process.stdout.write(`${url}\n`);
  process.stdin.setEncoding("utf8");
  // A line "list" asks for the ListBuckets requests only, "get" for the rule GETs only; any other line for all requests.
  const count = (line: string) => {
    if (line === "list") return emulator.log.filter((r) => r.bucket === "" && r.path === "/").length;
    if (line === "get") return emulator.log.filter((r) => r.method === "GET" && "encryption" in r.query).length;
    return emulator.log.length;
  };
  let pending = "";
  process.stdin.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) process.stdout.write(`${count(line.trim())}\n`);
  });
  process.stdin.on("end", () => void emulator.stop().then(() => process.exit(0)));
});
