import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { cliProfileTokenFiles } from "../../provider/clouds/aliyun/credentials/cliProfileFiles";
import { CREDENTIAL_FILE_LIMITS, readCredentialFile, readOptionalCredentialFile } from "../../provider/credentials/boundedFile";
import { CredentialFileError } from "../../provider/errors/CredentialFileError";
import { fifo, sparseFile } from "../support/specialFiles";

// The one reader every credential file goes through: only regular files, at most 64 KiB, never
// blocked by a FIFO, never quoting what it read.

describe("readCredentialFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bounded-file-"));
  const at = (name: string) => path.join(dir, name);
  before(() => {
    writeFileSync(at("token"), "eyJhbGciOi.token.sig\n");
    writeFileSync(at("exact"), "x".repeat(CREDENTIAL_FILE_LIMITS.maxBytes));
    writeFileSync(at("one-over"), "x".repeat(CREDENTIAL_FILE_LIMITS.maxBytes + 1));
    sparseFile(at("huge"), 100 * 1024 * 1024);
    fifo(at("pipe"));
    symlinkSync(at("pipe"), at("link-to-pipe"));
    symlinkSync("/dev/zero", at("zero"));
    mkdirSync(at("dir"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a regular file, and one of exactly the limit", async () => {
    assert.equal(await readCredentialFile(at("token"), "the OIDC token file"), "eyJhbGciOi.token.sig\n");
    assert.equal((await readCredentialFile(at("exact"), "the OIDC token file")).length, CREDENTIAL_FILE_LIMITS.maxBytes);
  });

  const refused: Array<[string, string, CredentialFileError["problem"], RegExp]> = [
    ["a FIFO", "pipe", "not-regular", /is a FIFO \(named pipe\), not a regular file$/],
    ["a link to a FIFO (the descriptor is checked, not the path)", "link-to-pipe", "not-regular", /is a FIFO \(named pipe\), not a regular file$/],
    ["/dev/zero", "zero", "not-regular", /is a character device, not a regular file$/],
    ["a directory", "dir", "not-regular", /is a directory, not a regular file$/],
    ["a 100 MB file", "huge", "too-large", /holds 104857600 bytes, more than the 65536 allowed$/],
    ["one byte over the limit", "one-over", "too-large", /holds 65537 bytes/],
    ["a file that does not exist", "missing", "missing", /does not exist$/],
  ];
  for (const [name, file, problem, message] of refused) {
    it(`refuses ${name} at once, naming what it is for and its path`, async () => {
      const started = Date.now();
      await assert.rejects(readCredentialFile(at(file), "the OIDC token file"), (e: Error) => {
        assert.ok(e instanceof CredentialFileError, String(e));
        assert.equal(e.problem, problem);
        assert.ok(e.message.startsWith(`the OIDC token file ${JSON.stringify(at(file))} `), e.message);
        assert.match(e.message, message);
        return true;
      });
      assert.ok(Date.now() - started < 1_000, `${Date.now() - started} ms`);
    });
  }

  it("a file that grows past the limit (or reports no size) is cut at the limit + 1 byte", async () => {
    // /proc files report size 0 and are regular: the read itself must stop.
    assert.match(await readCredentialFile("/proc/self/status", "a proc file"), /^Name:/);
    await assert.rejects(readCredentialFile("/proc/self/status", "a proc file", { maxBytes: 16, timeoutMs: 1_000 }), /holds more than the 16 bytes allowed$/);
  });

  it("never quotes the content", async () => {
    writeFileSync(at("secret"), "SECRET-CONTENT ".repeat(10));
    await assert.rejects(readCredentialFile(at("secret"), "~/.jdc/config", { maxBytes: 20, timeoutMs: 1_000 }), (e: Error) => !e.message.includes("SECRET"));
  });

  it("an optional file that does not exist is undefined; any other problem still fails", async () => {
    assert.equal(await readOptionalCredentialFile(at("missing"), "~/.jdc/current"), undefined);
    await assert.rejects(readOptionalCredentialFile(at("pipe"), "~/.jdc/current"), /~\/\.jdc\/current ".*pipe" is a FIFO/);
  });

  it("a path with control characters is shown inert", async () => {
    await assert.rejects(readCredentialFile(at("bad\u001b[31mname\nx"), "the OIDC token file"), (e: Error) => !e.message.includes("\u001b") && !e.message.includes("\n") && /does not exist$/.test(e.message));
  });
});

describe("cliProfileTokenFiles: the OIDC token files a CLI profile makes the library read", () => {
  const config = JSON.stringify({
    current: "ci",
    profiles: [
      { name: "ci", mode: "OIDC", oidc_token_file: "/run/ci-token" },
      { name: "ak", mode: "AK", oidc_token_file: "/ignored" },
      { name: "chain", mode: "ChainableRamRoleArn", source_profile: "ci" },
      { name: "chain2", mode: "ChainableRamRoleArn", source_profile: "chain" },
      { name: "loop-a", mode: "ChainableRamRoleArn", source_profile: "loop-b" },
      { name: "loop-b", mode: "ChainableRamRoleArn", source_profile: "loop-a" },
      { name: "oidc-empty", mode: "OIDC", oidc_token_file: "" },
    ],
  });
  const cases: Array<[string, string, string | undefined, string[]]> = [
    ["the current profile", config, undefined, ["/run/ci-token"]],
    ["a named profile of another mode", config, "ak", []],
    ["through source_profile links", config, "chain2", ["/run/ci-token"]],
    ["a loop ends", config, "loop-a", []],
    ["an OIDC profile without a file", config, "oidc-empty", []],
    ["a profile that is not there", config, "nope", []],
    ["text that is not JSON (the library names the file)", "{not json", undefined, []],
    ["JSON without profiles", "[1,2]", undefined, []],
  ];
  for (const [name, text, profile, files] of cases) it(name, () => assert.deepEqual(cliProfileTokenFiles(text, profile), files));
});
