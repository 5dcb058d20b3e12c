import { readFileSync } from "node:fs";
import path from "node:path";
import { OssEmulator } from "./ossEmulator";

// The emulator over https in its own process, for the benchmark's real-network scenario. It
// presents test/fixtures/tls/regional.crt (issued by the test CA for the clouds' regional names).
// Credentials come from EMULATOR_ACCESS_KEY_ID / EMULATOR_SECRET; buckets from argv. Prints the
// URL on its first line, then, whenever it reads a line on stdin, a JSON line of counts:
// requests, connections, fullHandshakes, resumedHandshakes.
const fixtures = path.join(__dirname, "../../../test/fixtures/tls");
const emulator = new OssEmulator(
  [{ accessKeyId: process.env["EMULATOR_ACCESS_KEY_ID"] ?? "", secretAccessKey: process.env["EMULATOR_SECRET"] ?? "" }],
  { tls: { key: readFileSync(path.join(fixtures, "regional.key")), cert: readFileSync(path.join(fixtures, "regional.crt")) } },
);
for (const bucket of process.argv.slice(2)) emulator.createBucket(bucket);
void emulator.start().then((url) => {
  process.stdout.write(`${url}\n`);
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", () => process.stdout.write(`${JSON.stringify({ requests: emulator.log.length, ...emulator.counts })}\n`));
  process.stdin.on("end", () => void emulator.stop().then(() => process.exit(0)));
});
