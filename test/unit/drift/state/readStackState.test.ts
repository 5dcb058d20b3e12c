import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readStackState, type StateWorkspace } from "../../../../cli/drift/state/readStackState";

// Reading one stack through a stand-in of the Automation API's workspace: which calls are made,
// when the config matters, and how the CLI's failures come back.

const DYNAMIC = "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption";
const deployment = (types: string[]) => ({
  version: 3,
  deployment: { resources: types.map((type, i) => ({ urn: `urn:pulumi:s::p::${type}::r${i}`, type, id: `aliyun:cn-hangzhou:b${i}`, outputs: { cloud: "aliyun" } })) },
});
// The API's CommandError carries the CLI's output; only its error lines are kept.
const cliFailure = (line: string) => Object.assign(new Error(`code: 255\n stdout: \n stderr: ${line}\n`), { commandResult: { stderr: `some usage text\n${line}\n` } });

function workspace(exported: () => Promise<unknown>, config: () => Promise<Record<string, { value: string; secret: boolean }>>): StateWorkspace & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    exportStack: (name: string) => (calls.push(`export ${name}`), exported()),
    getAllConfig: (name: string) => (calls.push(`config ${name}`), config()),
  };
}

describe("readStackState", () => {
  it("a dynamic resource: the stack's config (secrets as given), overrides on top, a fingerprint of the provider's keys only", async () => {
    const ws = workspace(
      () => Promise.resolve(deployment([DYNAMIC])),
      () => Promise.resolve({ "alicloud:accessKey": { value: "id", secret: false }, "alicloud:secretKey": { value: "s3cr3t", secret: true }, "infra:other": { value: "x", secret: false } }),
    );
    const state = await readStackState(ws, "dev", new Map([["bucketEncryption:maxAttempts", "2"]]), 5000);
    assert.deepEqual(ws.calls.sort(), ["config dev", "export dev"]);
    assert.equal(state.resources.length, 1);
    assert.equal(state.config("alicloud:secretKey"), "s3cr3t");
    assert.equal(state.config("bucketEncryption:maxAttempts"), "2");
    assert.ok(!state.configFingerprint.includes("s3cr3t"));
    const same = await readStackState(
      workspace(() => Promise.resolve(deployment([DYNAMIC])), () => Promise.resolve({ "alicloud:accessKey": { value: "id", secret: false }, "alicloud:secretKey": { value: "s3cr3t", secret: true }, "infra:other": { value: "changed", secret: false } })),
      "qa",
      new Map([["bucketEncryption:maxAttempts", "2"]]),
      5000,
    );
    assert.equal(same.configFingerprint, state.configFingerprint, "keys the provider never reads do not part two stacks");
  });

  it("no dynamic resource: a config that cannot be read is no failure", async () => {
    const ws = workspace(() => Promise.resolve(deployment(["bucket-encryption:index:BucketEncryption", "aws:s3/bucket:Bucket"])), () => Promise.reject(cliFailure("error: incorrect passphrase")));
    const state = await readStackState(ws, "dev", new Map(), 5000);
    assert.equal(state.resources.length, 1);
  });

  it("a config that a dynamic resource needs and cannot be read: the CLI's own error line", async () => {
    const ws = workspace(() => Promise.resolve(deployment([DYNAMIC])), () => Promise.reject(cliFailure("error: incorrect passphrase")));
    await assert.rejects(readStackState(ws, "dev", new Map(), 5000), { message: "error: incorrect passphrase" });
  });

  it("a state that cannot be read, one that is no deployment, one that never comes", async () => {
    const empty = () => Promise.resolve({});
    await assert.rejects(readStackState(workspace(() => Promise.reject(cliFailure("error: no stack named 'x' found")), empty), "x", new Map(), 5000), { message: "error: no stack named 'x' found" });
    await assert.rejects(readStackState(workspace(() => Promise.resolve({ nope: 1 }), empty), "x", new Map(), 5000), /holds no deployment/);
    await assert.rejects(readStackState(workspace(() => new Promise(() => undefined), empty), "slow", new Map(), 30), /reading the state of stack slow took longer than 0.03 s/);
  });

  it("the config as `pulumi config --json` gives it: string values only; anything but an object is an error", async () => {
    const ws = workspace(() => Promise.resolve(deployment([DYNAMIC])), () => Promise.resolve({ "alicloud:region": { value: "cn-hangzhou" }, "alicloud:odd": { value: 7 }, "alicloud:none": null } as never));
    const state = await readStackState(ws, "dev", Promise.resolve(new Map([["alicloud:region", "cn-beijing"]])), 5000);
    assert.equal(state.config("alicloud:region"), "cn-beijing", "an override, given late, still wins");
    assert.equal(state.config("alicloud:odd"), undefined);
    assert.equal(state.config("alicloud:none"), undefined);
    await assert.rejects(readStackState(workspace(() => Promise.resolve(deployment([DYNAMIC])), () => Promise.resolve([] as never)), "dev", new Map(), 5000), /the stack's config is not an object of values/);
  });
});
