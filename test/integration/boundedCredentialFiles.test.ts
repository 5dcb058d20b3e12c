import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { OssEmulator } from "../emulator/ossEmulator";
import { runBuiltCli } from "../support/builtCli";
import { HOSTILE_FILES, type HostileFile, hostileFile } from "../support/specialFiles";

// Every credential file, through the CLI in a child process, as a FIFO, /dev/zero and a 100 MB
// file: the command fails at once naming the source and the file, and sends no request. Before
// the bounded reader a FIFO hung the command for ever, /dev/zero grew its memory without end and
// a 100 MB token was read whole (and would have been posted to STS).

const ALIYUN = { accessKeyId: "LTAI-files-id", secretAccessKey: "files-Secret/aliyun" };
const JD = { accessKeyId: "JDC-files-id", secretAccessKey: "files-Secret/jdcloud" };
const ROLE = "acs:ram::1234567890123456:role/ci-deployer";
const IDP = "acs:ram::1234567890123456:oidc-provider/github";
const JDC_CONFIG = `[default]\naccess_key = ${JD.accessKeyId}\nsecret_key = ${JD.secretAccessKey}\n`;
/** A command that reads a file for ever is killed here, and fails the test. */
const KILL_AFTER_MS = 30_000;
/** A refusal takes a CLI start and one open and fstat. */
const PROMPT_MS = 10_000;

const DETAIL: Record<HostileFile, string> = {
  fifo: "is a FIFO (named pipe), not a regular file",
  "dev-zero": "is a character device, not a regular file",
  "100MB": "holds 104857600 bytes, more than the 65536 allowed",
};

/** One credential file: how to make `home` name it as `kind`, the source and file the error must name. */
interface Place {
  readonly label: string;
  readonly cloud: "aliyun" | "jdcloud";
  /** Prepares `home`; returns the environment beyond HOME and the hostile file's path. */
  readonly prepare: (home: string, kind: HostileFile) => { readonly env: Record<string, string>; readonly file: string };
  readonly source: string;
  readonly what: string;
}

const places: readonly Place[] = [
  {
    label: "~/.jdc/config",
    cloud: "jdcloud",
    prepare: (home, kind) => ({ env: {}, file: hostileFile(path.join(home, ".jdc", "config"), kind) }),
    source: "the active profile of ~/.jdc/config",
    what: "~/.jdc/config",
  },
  {
    label: "~/.jdc/current",
    cloud: "jdcloud",
    prepare: (home, kind) => {
      writeFileSync(path.join(home, ".jdc", "config"), JDC_CONFIG);
      return { env: {}, file: hostileFile(path.join(home, ".jdc", "current"), kind) };
    },
    source: "the active profile of ~/.jdc/config",
    what: "~/.jdc/current",
  },
  {
    label: "the OIDC token file (ALIBABA_CLOUD_OIDC_TOKEN_FILE)",
    cloud: "aliyun",
    prepare: (home, kind) => {
      const file = hostileFile(path.join(home, "oidc-token"), kind);
      return { env: { ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: IDP, ALIBABA_CLOUD_OIDC_TOKEN_FILE: file }, file };
    },
    source: "environment ALIBABA_CLOUD_OIDC_TOKEN_FILE",
    what: "the OIDC token file",
  },
  {
    label: "~/.aliyun/config.json",
    cloud: "aliyun",
    prepare: (home, kind) => ({ env: {}, file: hostileFile(path.join(home, ".aliyun", "config.json"), kind) }),
    source: "the current profile of ~/.aliyun/config.json",
    what: "~/.aliyun/config.json",
  },
  {
    label: "the OIDC token file of a CLI profile",
    cloud: "aliyun",
    prepare: (home, kind) => {
      const file = hostileFile(path.join(home, "profile-token"), kind);
      writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "ci", profiles: [{ name: "ci", mode: "OIDC", oidc_token_file: file, oidc_provider_arn: IDP, ram_role_arn: ROLE }] }));
      return { env: {}, file };
    },
    source: "the current profile of ~/.aliyun/config.json",
    what: "the OIDC token file of the profile",
  },
  {
    label: "~/.alibabacloud/credentials",
    cloud: "aliyun",
    prepare: (home, kind) => ({ env: {}, file: hostileFile(path.join(home, ".alibabacloud", "credentials"), kind) }),
    source: "the shared credentials file {file}",
    what: "the shared credentials file",
  },
];

describe("credential files are read bounded: FIFO, /dev/zero, 100 MB, through the CLI", () => {
  const emulator = new OssEmulator([ALIYUN, JD]);
  const root = mkdtempSync(path.join(os.tmpdir(), "bounded-credential-files-"));
  let endpoint = "";
  before(async () => {
    endpoint = await emulator.start();
    emulator.createBucket("files-bucket");
  });
  after(async () => {
    await emulator.stop();
    rmSync(root, { recursive: true, force: true });
  });

  for (const place of places) {
    it(`${place.label}: each hostile kind fails promptly, naming the source and the file, with no request`, async (t) => {
      const runs = await Promise.all(
        HOSTILE_FILES.map(async (kind) => {
          const home = path.join(root, `${place.label.replace(/\W+/g, "-")}-${kind}`);
          for (const dir of [".jdc", ".aliyun", ".alibabacloud", "work"]) mkdirSync(path.join(home, dir), { recursive: true });
          const { env, file } = place.prepare(home, kind);
          const region = place.cloud === "aliyun" ? "cn-hangzhou" : "cn-north-1";
          const args = ["import", "--cloud", place.cloud, "--region", region, "--endpoint", endpoint, "files-bucket", "--format", "json"];
          const run = await runBuiltCli(args, { HOME: home, ...env }, { cwd: path.join(home, "work"), killAfterMs: KILL_AFTER_MS });
          return { kind, file, run };
        }),
      );
      for (const { kind, file, run } of runs) {
        const where = `${place.label} as ${kind}: exit ${run.code} after ${run.ms} ms${run.killed ? " (killed: it hung)" : ""}\n${run.stdout}\n${run.stderr}`;
        assert.equal(run.killed, false, where);
        assert.equal(run.code, 1, where);
        assert.ok(run.ms < PROMPT_MS, where);
        const detail = (JSON.parse(run.stdout) as { buckets: Array<{ result: string; detail: string }> }).buckets[0];
        assert.equal(detail?.result, "error", where);
        const source = place.source.replace("{file}", file);
        assert.ok(detail.detail.startsWith(`credentials from ${source} failed: ${place.what} ${JSON.stringify(file)} ${DETAIL[kind]}. Next: fix `), where);
        assert.ok(!run.stdout.includes(JD.secretAccessKey) && !run.stderr.includes(JD.secretAccessKey), where);
        t.diagnostic(`${place.label} as ${kind}: exit 1 in ${run.ms} ms`);
      }
      assert.equal(emulator.log.length, 0, "no request reached the service");
    });
  }
});
