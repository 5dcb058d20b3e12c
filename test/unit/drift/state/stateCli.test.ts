import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PulumiNotFoundError } from "../../../../cli/automation/pulumiNotFound";
import { stackNames } from "../../../../cli/drift/state/stackNames";
import { runJson, type StateCli } from "../../../../cli/drift/state/stateCli";

// The CLI run directly, as the Automation API runs it, through a stand-in script for `pulumi`.

describe("state reads through the CLI", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), "state-cli-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function cli(script: string): StateCli & { log: string } {
    const command = path.join(dir, `pulumi-${Math.random().toString(36).slice(2)}`);
    const log = `${command}.log`;
    writeFileSync(command, `#!/usr/bin/env bash\necho "$*" >> '${log}'\n${script}\n`);
    chmodSync(command, 0o755);
    return { command, workDir: dir, env: { ...process.env, EXTRA: "kept" }, log };
  }

  it("runs in the project's directory and environment, non-interactive, as the Automation API", async () => {
    const c = cli(`[ "$PWD" = "${dir}" ] && [ "$EXTRA" = kept ] && [ "$PULUMI_AUTOMATION_API" = true ] && [ "$*" = "config --json --non-interactive" ] || exit 9\necho '{"a":1}'`);
    assert.deepEqual(await runJson(c, ["config", "--json"], "reading", 10_000), { a: 1 });
  });

  it("the CLI's error lines; output that is not JSON; a CLI that never answers; no CLI at all", async () => {
    await assert.rejects(runJson(cli(`echo 'usage…' >&2; echo "error: no stack named 'x' found" >&2; exit 255`), ["stack", "export"], "reading x", 10_000), { message: "error: no stack named 'x' found" });
    await assert.rejects(runJson(cli(`echo '{not json'`), ["stack", "ls", "--json"], "listing", 10_000), { message: "the output of `pulumi stack ls --json` is not JSON" });
    await assert.rejects(runJson(cli(`sleep 5`), ["stack", "export"], "reading the state of stack slow", 200), { message: "reading the state of stack slow took longer than 0.2 s" });
    await assert.rejects(runJson({ command: path.join(dir, "no-such-pulumi"), workDir: dir, env: process.env }, ["version"], "probing", 10_000), PulumiNotFoundError);
  });

  const listing = JSON.stringify([{ name: "dev", current: false }, { name: "prod", current: true }, { nameless: 1 }, "junk", { name: "dev" }]);
  it("stack names: --stack as given, once each, with no CLI run", async () => {
    const c = cli("exit 9");
    assert.deepEqual(await stackNames(c, { stack: ["b", "a", "b"], allStacks: false }), ["b", "a"]);
    assert.equal(existsSync(c.log), false);
  });
  it("stack names: --all-stacks lists every stack once; otherwise the selected one", async () => {
    assert.deepEqual(await stackNames(cli(`echo '${listing}'`), { stack: [], allStacks: true }), ["dev", "prod"]);
    assert.deepEqual(await stackNames(cli(`echo '${listing}'`), { stack: [], allStacks: false }), ["prod"]);
  });
  it("stack names: none selected, or a listing that is not a list, is an error", async () => {
    await assert.rejects(stackNames(cli(`echo '[{"name":"dev","current":false}]'`), { stack: [], allStacks: false }), /no stack selected in .*: pass --stack <name> or --all-stacks/);
    await assert.rejects(stackNames(cli(`echo '{"name":"dev"}'`), { stack: [], allStacks: true }), /is not a list/);
  });
});
