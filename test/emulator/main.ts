import { OssEmulator } from "./ossEmulator";

// Runs the emulator as its own process (benchmarks keep its CPU apart from the client's).
// Credentials come from EMULATOR_ACCESS_KEY_ID / EMULATOR_SECRET; buckets from argv. Prints the
// URL on its first line, then the request count whenever it reads a line on stdin.
const emulator = new OssEmulator([
  { accessKeyId: process.env["EMULATOR_ACCESS_KEY_ID"] ?? "", secretAccessKey: process.env["EMULATOR_SECRET"] ?? "" },
]);
for (const bucket of process.argv.slice(2)) emulator.createBucket(bucket);
void emulator.start().then((url) => {
  process.stdout.write(`${url}\n`);
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", () => process.stdout.write(`${emulator.log.length}\n`));
  process.stdin.on("end", () => void emulator.stop().then(() => process.exit(0)));
});
