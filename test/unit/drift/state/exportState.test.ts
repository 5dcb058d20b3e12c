import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { exportState } from "../../../../cli/drift/state/exportState";
import type { StateCli } from "../../../../cli/drift/state/stateCli";

// The export without secrets first, through a stand-in for the CLI; again with --show-secrets
// only when a secret the report reads is in the state.

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
const exported = (resources: unknown[]) => ({ version: 3, deployment: { resources } });
const dynamic = (outputs: Record<string, unknown>) => ({ urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption::a", type: "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption", outputs });

describe("exportState", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), "export-state-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // A stand-in `pulumi` that logs its arguments and answers `--show-secrets` with `{ revealed: true }`.
  function workspace(script: string): StateCli & { calls: () => string[] } {
    const command = path.join(dir, `pulumi-${Math.random().toString(36).slice(2)}`);
    const log = `${command}.log`;
    writeFileSync(command, `#!/usr/bin/env bash\necho "$*" >> '${log}'\ncase "$*" in *--show-secrets*) echo '{"revealed":true}'; exit 0;; esac\n${script}\n`);
    chmodSync(command, 0o755);
    return { command, workDir: dir, env: { ...process.env, EXTRA: "from-workspace" }, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
  }
  const printing = (value: unknown) => `printf '%s' '${JSON.stringify(value)}'`;

  it("no secret the report reads: the plain export, in the project's directory and environment, with --stack", async () => {
    const ws = workspace(`[ "$EXTRA" = from-workspace ] && [ "$PWD" = "${dir}" ] && [ "$*" = "stack export --stack dev --non-interactive" ] || exit 9\n${printing(exported([dynamic({ sseAlgorithm: "KMS" }), { type: "aws:iam/user:User", outputs: { key: SECRET } }]))}`);
    assert.deepEqual(await exportState(ws, "dev", 10_000), exported([dynamic({ sseAlgorithm: "KMS" }), { type: "aws:iam/user:User", outputs: { key: SECRET } }]));
    assert.deepEqual(ws.calls(), ["stack export --stack dev --non-interactive"]);
  });

  it("a secret output of a BucketEncryption, or a secret input of the plugin's provider: read again with secrets shown", async () => {
    const withSecretOutput = workspace(printing(exported([dynamic({ kmsMasterKeyId: SECRET })])));
    assert.deepEqual(await exportState(withSecretOutput, "dev", 10_000), { revealed: true });
    assert.deepEqual(withSecretOutput.calls(), ["stack export --stack dev --non-interactive", "stack export --show-secrets --stack dev --non-interactive"]);
    const withSecretProvider = workspace(printing(exported([{ type: "pulumi:providers:bucket-encryption", inputs: { aliyun: { secretKey: SECRET } } }])));
    assert.deepEqual(await exportState(withSecretProvider, "qa", 10_000), { revealed: true });
  });

  it("the CLI's failure as its error line; output that is not JSON; a CLI that never answers", async () => {
    await assert.rejects(exportState(workspace(`echo 'usage…' >&2; echo "error: no stack named 'x' found" >&2; exit 255`), "x", 10_000), { message: "error: no stack named 'x' found" });
    await assert.rejects(exportState(workspace(`echo '{not json'`), "x", 10_000), /the output of `pulumi stack export --stack x` is not JSON/);
    await assert.rejects(exportState(workspace(`sleep 5`), "slow", 200), /reading the state of stack slow took longer than 0.2 s/);
  });
});
