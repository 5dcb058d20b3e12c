import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ALL_TARGETS, archiveName, executableName, hostTarget, parseTarget, targetLabel } from "../../../packaging/targets";

describe("plugin targets", () => {
  const spellings: ReadonlyArray<readonly [string, string]> = [
    ["linux-amd64", "linux-amd64"],
    ["linux-x64", "linux-amd64"],
    ["linux-arm64", "linux-arm64"],
    ["darwin-amd64", "darwin-amd64"],
    ["darwin-arm64", "darwin-arm64"],
    ["windows-amd64", "windows-amd64"],
    ["win32-x64", "windows-amd64"],
    ["windows-arm64", "windows-arm64"],
    [" Linux-AMD64 ", "linux-amd64"],
  ];
  for (const [text, label] of spellings) {
    it(`reads ${JSON.stringify(text)} as ${label}`, () => assert.equal(targetLabel(parseTarget(text)), label));
  }

  for (const bad of ["", "linux", "linux-", "-amd64", "linux-386", "freebsd-amd64", "linux-amd64-musl", "darwin_arm64", "constructor-amd64", "linux-__proto__"]) {
    it(`refuses ${JSON.stringify(bad)}, naming the targets it knows`, () => assert.throws(() => parseTarget(bad), /expected one of linux-amd64, linux-arm64, darwin-amd64/));
  }

  it("reads back every target from its label", () => {
    assert.equal(ALL_TARGETS.length, 6);
    for (const target of ALL_TARGETS) assert.deepEqual(parseTarget(targetLabel(target)), target);
  });

  it("reads any text either as one of the six targets or not at all", () => {
    const labels = new Set(ALL_TARGETS.map(targetLabel));
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        let label: string | undefined;
        try {
          label = targetLabel(parseTarget(text));
        } catch {
          return;
        }
        assert.ok(labels.has(label), label);
      }),
    );
  });

  const hosts: ReadonlyArray<readonly [string, string, string | undefined]> = [
    ["linux", "x64", "linux-amd64"],
    ["darwin", "arm64", "darwin-arm64"],
    ["win32", "x64", "windows-amd64"],
    ["win32", "ia32", undefined],
    ["freebsd", "x64", undefined],
    ["linux", "s390x", undefined],
  ];
  for (const [platform, arch, label] of hosts) {
    it(`takes ${platform}/${arch} for ${label ?? "no target"}`, () => {
      const target = hostTarget(platform, arch);
      assert.equal(target === undefined ? undefined : targetLabel(target), label);
    });
  }

  it("names archives and executables as Pulumi's releases do", () => {
    assert.equal(archiveName("1.2.3", parseTarget("darwin-arm64")), "pulumi-resource-bucket-encryption-v1.2.3-darwin-arm64.tar.gz");
    assert.equal(archiveName("0.1.0-rc.1", parseTarget("windows-amd64")), "pulumi-resource-bucket-encryption-v0.1.0-rc.1-windows-amd64.tar.gz");
    assert.equal(executableName(parseTarget("windows-arm64")), "pulumi-resource-bucket-encryption.exe");
    assert.equal(executableName(parseTarget("linux-arm64")), "pulumi-resource-bucket-encryption");
  });
});
