import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../support/targets";
import { installTools, type Tools } from "../support/tools";

// The real Pulumi CLI drives the product against servers: the Aliyun dialect on the emulator
// (signatures verified by ali-oss), the JD Cloud dialect on MinIO.

interface Scenario {
  readonly label: string;
  readonly start: (tools: Tools) => Promise<Target>;
  readonly extraArgs: Record<string, unknown>;
  /** Where the credentials come from: secret stack config, or the environment. */
  readonly credentialsFrom: "config" | "env";
}

const scenarios: Scenario[] = [
  {
    label: "aliyun V4 on the emulator (credentials from secret stack config)",
    start: () => emulatorTarget("aliyun v4", { accessKeyId: "LTAI-e2e-v4-id", secretAccessKey: "e2eAliyunV4Secret/0123456789abcd" }),
    extraArgs: {},
    credentialsFrom: "config",
  },
  {
    label: "aliyun V1 on the emulator (credentials from the environment)",
    start: () => emulatorTarget("aliyun v1", { accessKeyId: "LTAI-e2e-v1-id", secretAccessKey: "e2eAliyunV1Secret/0123456789abcd" }),
    extraArgs: { signatureVersion: "v1" },
    credentialsFrom: "env",
  },
  {
    label: "jdcloud on MinIO (credentials from the environment)",
    start: (tools) => minioTarget(tools.minio),
    extraArgs: {},
    credentialsFrom: "env",
  },
];

function credentialEnv(target: Target): Record<string, string> {
  return target.cloud === "aliyun"
    ? { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }
    : { JDCLOUD_ACCESS_KEY: target.accessKeyId, JDCLOUD_SECRET_KEY: target.secretAccessKey };
}

const SIGNATURE_TRACES = [/Signature=/, /OSS4-HMAC-SHA256 /, /AWS4-HMAC-SHA256 /, /\bOSS [^\s:]+:[A-Za-z0-9+/=]{20,}/];

// At verbosity 9 the Pulumi engine itself traces every property it marshals, including the
// decrypted stack config it sends to the dynamic provider's Configure (sdk/go/common/resource/
// plugin/rpc.go, "Marshaling property for RPC[...Configure().inputs]"). That trace is the engine's,
// not this package's, and appears only with secret stack config; it is the one line tolerated,
// and the README says so. Anything else holding the secret fails.
const ENGINE_CONFIGURE_TRACE = /"Marshaling property for RPC\[Provider\[[^\]]*\]\.Configure\(\)\.inputs\]/;

function assertNoSecrets(text: string, target: Target, where: string): void {
  const leaks = text.split("\n").filter((line) => line.includes(target.secretAccessKey) && !ENGINE_CONFIGURE_TRACE.test(line));
  assert.deepEqual(leaks, [], `the secret key appears in ${where}`);
  for (const trace of SIGNATURE_TRACES) assert.ok(!trace.test(text), `a signature (${trace}) appears in ${where}`);
}

let tools: Tools;
before(() => {
  tools = installTools("all");
});

for (const scenario of scenarios) {
  describe(scenario.label, () => {
    let target: Target;
    let project: PulumiProject;
    const bucket = "e2e-main";
    const adoptBucket = "e2e-adopted";
    const args = (overrides: Record<string, unknown> = {}) => ({
      cloud: target.cloud,
      region: target.cloud === "aliyun" ? `oss-${target.region}` : target.region,
      bucket,
      sseAlgorithm: "KMS",
      kmsMasterKeyId: target.kmsKeys[0],
      endpoint: target.endpoint,
      ...scenario.extraArgs,
      ...overrides,
    });
    const setProgram = (resources: Array<{ name: string; args: Record<string, unknown> }>) => project.setProgram(programFor(resources));
    const stateResources = async () =>
      (JSON.parse(await project.exportState()) as { deployment: { resources?: Array<{ type: string; outputs?: Record<string, unknown> }> } }).deployment.resources?.filter((r) =>
        r.type.includes("BucketEncryption"),
      ) ?? [];
    // Every command's output, for the secrets check at the end.
    const transcript: string[] = [];
    const pulumi = async (argv: string[]) => {
      const result = await project.run(argv);
      transcript.push(result.stdout, result.stderr);
      return result;
    };
    const must = async (argv: string[]) => {
      const result = await pulumi(argv);
      assert.equal(result.code, 0, `pulumi ${argv.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
      return result;
    };

    before(async () => {
      target = await scenario.start(tools);
      await target.createBucket(bucket);
      await target.createBucket(adoptBucket);
      project = await PulumiProject.create({ tools, program: programFor([]), env: scenario.credentialsFrom === "env" ? credentialEnv(target) : {} });
      if (scenario.credentialsFrom === "config") {
        await project.setConfig("alicloud:accessKey", target.accessKeyId);
        await project.setConfig("alicloud:secretKey", target.secretAccessKey, true);
      }
    });
    after(async () => {
      await project?.run(["destroy", "--yes"]);
      project?.dispose();
      await target?.stop();
    });

    it("1. up creates the rule with one request; the server holds what was declared", async () => {
      setProgram([{ name: "enc", args: args() }]);
      const before = target.requestCount(bucket);
      await must(["up", "--yes", "--skip-preview"]);
      assert.equal(target.requestCount(bucket) - before, 1);
      assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
    });

    it("2. a second preview shows no change and sends no request", async () => {
      const before = target.requestCount(bucket);
      await must(["preview", "--expect-no-changes"]);
      assert.equal(target.requestCount(bucket), before);
    });

    it("3. changing the key updates in place with one request", async () => {
      setProgram([{ name: "enc", args: args({ kmsMasterKeyId: target.kmsKeys[1] }) }]);
      const before = target.requestCount(bucket);
      const result = await must(["up", "--yes", "--skip-preview"]);
      assert.match(result.stdout, /1 updated/);
      assert.doesNotMatch(result.stdout, /replaced/);
      assert.equal(target.requestCount(bucket) - before, 1);
      assert.equal((await target.rule(bucket))?.KMSMasterKeyID, target.kmsKeys[1]);
      if (target.cloud === "aliyun") {
        setProgram([{ name: "enc", args: args({ sseAlgorithm: "AES256", kmsMasterKeyId: undefined }) }]);
        await must(["up", "--yes", "--skip-preview"]);
        assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: "AES256" });
        setProgram([{ name: "enc", args: args({ kmsMasterKeyId: target.kmsKeys[1] }) }]);
        await must(["up", "--yes", "--skip-preview"]);
      }
    });

    it("4. out-of-band drift fails the pipeline check, naming the property; refresh records it; up repairs it", async () => {
      await target.setRule(bucket, { SSEAlgorithm: "AES256" });
      const check = await pulumi(["preview", "--refresh", "--expect-no-changes", "--diff"]);
      assert.notEqual(check.code, 0, "the drift check must fail");
      assert.match(check.stdout + check.stderr, /sseAlgorithm/);
      await must(["refresh", "--yes"]);
      const [recorded] = await stateResources();
      assert.equal(recorded?.outputs?.["sseAlgorithm"], "AES256");
      await must(["up", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      await must(["preview", "--refresh", "--expect-no-changes"]);
    });

    it("5. a rule deleted out-of-band: refresh drops the resource, up recreates it", async () => {
      await target.deleteRule(bucket);
      await must(["refresh", "--yes"]);
      assert.equal((await stateResources()).length, 0);
      await must(["up", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      assert.equal((await stateResources()).length, 1);
    });

    it("6. a bucket that already has a rule is adopted by up", async () => {
      await target.setRule(adoptBucket, { SSEAlgorithm: "AES256" });
      setProgram([
        { name: "enc", args: args({ kmsMasterKeyId: target.kmsKeys[1] }) },
        { name: "adopted", args: args({ bucket: adoptBucket }) },
      ]);
      await must(["up", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(adoptBucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      await must(["preview", "--refresh", "--expect-no-changes"]);
    });

    it("7. changing only the endpoint updates in place and never deletes the rule", async () => {
      setProgram([
        { name: "enc", args: args({ kmsMasterKeyId: target.kmsKeys[1], endpoint: target.otherEndpoint }) },
        { name: "adopted", args: args({ bucket: adoptBucket }) },
      ]);
      const result = await must(["up", "--yes", "--skip-preview"]);
      assert.doesNotMatch(result.stdout, /replaced|deleted/);
      assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      await must(["preview", "--expect-no-changes"]);
    });

    it("9. bad input fails at preview, naming the property, and sends no request", async () => {
      const before = target.requestCount(bucket);
      const bad = target.cloud === "jdcloud" ? args({ sseAlgorithm: "AES256", kmsMasterKeyId: undefined }) : args({ sseAlgorithm: "AES256" });
      setProgram([{ name: "enc", args: bad }]);
      const result = await pulumi(["preview"]);
      assert.notEqual(result.code, 0);
      const expected = target.cloud === "jdcloud" ? /sseAlgorithm[\s\S]*AES256 is not supported on jdcloud/ : /kmsMasterKeyId[\s\S]*applies only when sseAlgorithm is KMS/;
      assert.match(result.stdout + result.stderr, expected);
      assert.equal(target.requestCount(bucket), before);
      setProgram([
        { name: "enc", args: args({ kmsMasterKeyId: target.kmsKeys[1], endpoint: target.otherEndpoint }) },
        { name: "adopted", args: args({ bucket: adoptBucket }) },
      ]);
    });

    it("10. neither the state nor any output holds the secret key or a signature", async () => {
      const verbose = await pulumi(["preview", "--refresh", "-v=9", "--logtostderr", "--logflow"]);
      assert.equal(verbose.code, 0, verbose.stderr.slice(-2000));
      const state = await project.exportState();
      assert.ok(!state.includes(target.secretAccessKey), "the secret key appears in the exported state");
      assertNoSecrets(state, target, "the exported state");
      assertNoSecrets(transcript.join("\n"), target, "the CLI output (verbosity 9 included)");
    });

    it("8. destroy removes the rules; the server has none", async () => {
      await must(["destroy", "--yes"]);
      assert.equal(await target.rule(bucket), undefined);
      assert.equal(await target.rule(adoptBucket), undefined);
    });
  });
}
