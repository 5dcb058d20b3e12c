import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { requireLoopbackTrust, STS_FIXTURE, StsWorld } from "../support/stsWorld";

function config(values: Record<string, string>) {
  return { config: { get: (key: string) => values[key] } };
}
// No profile files (an empty home), but the real file system for token files.
const noFiles = () => ({ homeDir: "/nonexistent", fileExists: existsSync });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("keyless credentials against a local STS and an STS-only OSS emulator", () => {
  // Credentials live 6 s: a run of a few seconds outlives several of them.
  const world = new StsWorld(6_000);
  const inputs = (bucket: string) => ({ cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "AES256", endpoint: world.ossEndpoint });
  const lifecycleWith = async (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
    const lifecycle = new BucketEncryptionLifecycle(env, noFiles);
    await lifecycle.configure(config({ "alicloud:stsEndpoint": world.stsEndpoint, ...values }));
    return lifecycle;
  };

  before(async () => {
    requireLoopbackTrust();
    await world.start();
  });
  after(() => world.stop());
  beforeEach(() => {
    world.sts.calls.length = 0;
    world.emulator.log.length = 0;
    world.emulator.now = () => Date.now();
  });

  it("OIDC: 200 concurrent operations share one AssumeRoleWithOIDC", async () => {
    const lifecycle = await lifecycleWith({ "alicloud:assumeRoleWithOidc": world.oidcConfig() });
    const buckets = Array.from({ length: 200 }, (_, i) => `oidc-burst-${i}`);
    for (const b of buckets) world.emulator.createBucket(b);
    await Promise.all(buckets.map(async (b) => lifecycle.create((await lifecycle.check({}, inputs(b))).inputs)));
    assert.equal(world.sts.calls.length, 1);
    assert.equal(world.sts.successes("AssumeRoleWithOIDC"), 1);
    assert.ok(buckets.every((b) => world.emulator.buckets.get(b)?.rule?.SSEAlgorithm === "AES256"));
  });

  it("OIDC: a run that outlives the credentials renews them before expiry, a bounded number of times, with no failed request", async () => {
    const lifecycle = await lifecycleWith({ "alicloud:assumeRoleWithOidc": world.oidcConfig() });
    const started = Date.now();
    let done = 0;
    // 10 waves of 50 concurrent operations, 1.5 s apart: about 15 s, over two lifetimes.
    for (let wave = 0; wave < 10; wave++) {
      const buckets = Array.from({ length: 50 }, (_, i) => `oidc-long-${wave}-${i}`);
      for (const b of buckets) world.emulator.createBucket(b);
      await Promise.all(buckets.map(async (b) => lifecycle.create((await lifecycle.check({}, inputs(b))).inputs)));
      done += buckets.length;
      await sleep(1_500);
    }
    const elapsed = Date.now() - started;
    const refused = world.emulator.log.filter((r) => r.status !== 200);
    assert.deepEqual(refused.map((r) => r.status), [], "no request was refused (an expired token would be SecurityTokenExpired)");
    assert.equal(done, 500);
    const exchanges = world.sts.successes("AssumeRoleWithOIDC");
    // Renewed at two thirds of a lifetime of at least 5 s (Expiration has whole seconds).
    const bound = Math.ceil(elapsed / ((5_000 * 2) / 3)) + 1;
    assert.ok(exchanges >= 2, `renewed mid-run (${exchanges} exchanges in ${elapsed} ms)`);
    assert.ok(exchanges <= bound, `${exchanges} exchanges for 500 operations in ${elapsed} ms; at most ${bound} expected`);
    process.stdout.write(`# STS exchanges for 500 operations over ${elapsed} ms with 6 s credentials: ${exchanges}\n`);
  });

  it("the emulator refuses expired STS credentials with SecurityTokenExpired, and long-lived keys outright", async () => {
    const lifecycle = await lifecycleWith({ "alicloud:assumeRoleWithOidc": world.oidcConfig() });
    world.emulator.createBucket("expiry");
    await lifecycle.create((await lifecycle.check({}, inputs("expiry"))).inputs);
    world.emulator.now = () => Date.now() + 60_000;
    await assert.rejects(lifecycle.read("aliyun:cn-hangzhou:expiry", inputs("expiry")), /HTTP 403 SecurityTokenExpired/);
    const keyed = await lifecycleWith({ "alicloud:accessKey": STS_FIXTURE.baseKey.accessKeyId, "alicloud:secretKey": STS_FIXTURE.baseKey.secretAccessKey });
    await assert.rejects(keyed.read("aliyun:cn-hangzhou:expiry", inputs("expiry")), /HTTP 403 InvalidAccessKeyId/);
  });

  it("a refused OIDC exchange fails naming the source, the STS code and request id, and no token", async () => {
    writeFileSync(path.join(world.dir, "stale-token"), "eyJ.stale.token");
    const lifecycle = await lifecycleWith({ "alicloud:assumeRoleWithOidc": world.oidcConfig({ oidcTokenFile: path.join(world.dir, "stale-token") }) });
    world.emulator.createBucket("refused");
    const error = await lifecycle.create((await lifecycle.check({}, inputs("refused"))).inputs).then(() => undefined, (e: unknown) => e as Error);
    assert.ok(error !== undefined);
    assert.match(error.message, /^credentials from stack config alicloud:assumeRoleWithOidc failed: get sts token failed with OIDC AuthenticationFail\.OIDCToken\.InvalidSignature: OIDC token validate failed: invalid signature\. \[request id [0-9A-F]{32}\]/);
    assert.ok(!error.message.includes("eyJ"));
    assert.equal(world.emulator.log.length, 0, "no OSS request is signed with another identity");
  });

  it("environment OIDC variables (as the GitHub Actions setup exports them) work the same", async () => {
    const lifecycle = await lifecycleWith({}, {
      ALIBABA_CLOUD_ROLE_ARN: STS_FIXTURE.roleArn,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: STS_FIXTURE.oidcProviderArn,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: world.tokenFile,
    });
    world.emulator.createBucket("env-oidc");
    await lifecycle.create((await lifecycle.check({}, inputs("env-oidc"))).inputs);
    assert.equal(world.sts.successes("AssumeRoleWithOIDC"), 1);
    assert.equal(lifecycle.credentialCache("aliyun").sourceName, "environment ALIBABA_CLOUD_OIDC_TOKEN_FILE");
  });

  it("assumeRole from a long-lived key: a signed AssumeRole with the external id", async () => {
    const lifecycle = await lifecycleWith({
      "alicloud:accessKey": STS_FIXTURE.baseKey.accessKeyId,
      "alicloud:secretKey": STS_FIXTURE.baseKey.secretAccessKey,
      "alicloud:assumeRole": JSON.stringify({ roleArn: STS_FIXTURE.externalRoleArn, externalId: STS_FIXTURE.externalId, sessionName: "deploy-42" }),
    });
    world.emulator.createBucket("assumed");
    await lifecycle.create((await lifecycle.check({}, inputs("assumed"))).inputs);
    assert.deepEqual(world.sts.calls.map((c) => [c.action, c.status, c.caller]), [["AssumeRole", 200, STS_FIXTURE.baseKey.accessKeyId]]);
  });

  it("assumeRole chained on OIDC signs AssumeRole with the OIDC session's token", async () => {
    const lifecycle = await lifecycleWith({
      "alicloud:assumeRoleWithOidc": world.oidcConfig(),
      "alicloud:assumeRole": JSON.stringify({ roleArn: STS_FIXTURE.stagingRoleArn }),
    });
    world.emulator.createBucket("chained");
    await lifecycle.create((await lifecycle.check({}, inputs("chained"))).inputs);
    assert.deepEqual(world.sts.calls.map((c) => [c.action, c.status, c.roleArn]), [["AssumeRoleWithOIDC", 200, STS_FIXTURE.roleArn], ["AssumeRole", 200, STS_FIXTURE.stagingRoleArn]]);
  });

  it("a wrong secret or a missing external id fails naming the source, with STS's code and no secret", async () => {
    for (const [role, secret, code] of [
      [{ roleArn: STS_FIXTURE.roleArn }, "wrong-secret-value", /the access key secret is invalid/],
      [{ roleArn: STS_FIXTURE.externalRoleArn }, STS_FIXTURE.baseKey.secretAccessKey, /NoPermission: You are not authorized/],
    ] as const) {
      const lifecycle = await lifecycleWith({ "alicloud:accessKey": STS_FIXTURE.baseKey.accessKeyId, "alicloud:secretKey": secret, "alicloud:assumeRole": JSON.stringify(role) });
      world.emulator.createBucket("refused-role");
      const error = await lifecycle.create((await lifecycle.check({}, inputs("refused-role"))).inputs).then(() => undefined, (e: unknown) => e as Error);
      assert.ok(error !== undefined);
      assert.match(error.message, /^credentials from stack config alicloud:assumeRole \(acs:ram::\d+:role\/\w+-?\w*\) with stack config alicloud:accessKey failed: /);
      assert.match(error.message, code);
      assert.ok(!error.message.includes(secret));
    }
  });

  it("check refuses a malformed source at preview, with no request", async () => {
    const lifecycle = await lifecycleWith({ "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: STS_FIXTURE.roleArn }) });
    const checked = await lifecycle.check({}, inputs("preview"));
    assert.deepEqual(checked.failures, [{ property: "cloud", reason: "stack config alicloud:assumeRoleWithOidc needs oidcProviderArn" }]);
    assert.equal(world.sts.calls.length, 0);
  });

  describe("the Alibaba Cloud CLI's profiles (~/.aliyun/config.json)", () => {
    let home = "";
    let savedHome: string | undefined;
    before(() => {
      savedHome = process.env["HOME"];
      home = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-home-"));
      mkdirSync(path.join(home, ".aliyun"));
      // The library reads the home directory of the process (os.homedir()).
      process.env["HOME"] = home;
      writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({
        current: "prod",
        profiles: [
          { name: "prod", mode: "RamRoleArn", access_key_id: STS_FIXTURE.baseKey.accessKeyId, access_key_secret: STS_FIXTURE.baseKey.secretAccessKey, ram_role_arn: STS_FIXTURE.roleArn, ram_session_name: "prod", sts_endpoint: world.stsEndpoint },
          { name: "staging", mode: "RamRoleArn", access_key_id: STS_FIXTURE.baseKey.accessKeyId, access_key_secret: STS_FIXTURE.baseKey.secretAccessKey, ram_role_arn: STS_FIXTURE.stagingRoleArn, ram_session_name: "staging", sts_endpoint: world.stsEndpoint },
          { name: "oidc", mode: "OIDC", oidc_token_file: world.tokenFile, oidc_provider_arn: STS_FIXTURE.oidcProviderArn, ram_role_arn: STS_FIXTURE.roleArn, ram_session_name: "oidc" },
        ],
      }));
    });
    after(() => {
      if (savedHome === undefined) delete process.env["HOME"];
      else process.env["HOME"] = savedHome;
      rmSync(home, { recursive: true, force: true });
    });

    it("alicloud:profile picks a RamRoleArn profile; two profiles are two identities", async () => {
      for (const [profile, role] of [["prod", STS_FIXTURE.roleArn], ["staging", STS_FIXTURE.stagingRoleArn]] as const) {
        const lifecycle = new BucketEncryptionLifecycle({});
        await lifecycle.configure(config({ "alicloud:profile": profile }));
        world.emulator.createBucket(`profile-${profile}`);
        await lifecycle.create((await lifecycle.check({}, inputs(`profile-${profile}`))).inputs);
        assert.equal(world.sts.calls.at(-1)?.roleArn, role);
      }
      assert.equal(world.sts.successes("AssumeRole"), 2);
    });

    it("two resources in one program name two profiles: two identities, two caches; changing one resource's identity is one PUT", async () => {
      const lifecycle = new BucketEncryptionLifecycle({});
      await lifecycle.configure(config({ "alicloud:profile": "prod", "alicloud:stsEndpoint": world.stsEndpoint }));
      for (const b of ["two-a", "two-b", "two-c"]) world.emulator.createBucket(b);
      world.sts.calls.length = 0;
      const created = await Promise.all([
        lifecycle.check({}, inputs("two-a")),
        lifecycle.check({}, { ...inputs("two-b"), profile: "staging" }),
        lifecycle.check({}, { ...inputs("two-c"), roleArn: STS_FIXTURE.externalRoleArn, externalId: STS_FIXTURE.externalId, roleSessionName: "two-c" }),
      ].map(async (c) => lifecycle.create((await c).inputs)));
      // two-c assumes its role with the stack's base identity (profile prod, itself a role).
      assert.deepEqual(world.sts.calls.map((c) => c.roleArn).sort(), [STS_FIXTURE.roleArn, STS_FIXTURE.roleArn, STS_FIXTURE.externalRoleArn, STS_FIXTURE.stagingRoleArn].sort());
      // The issued key that signed each bucket's PUT belongs to the role that resource named.
      const signer = (bucket: string) => {
        const auth = world.emulator.log.find((r) => r.bucket === bucket)?.headers["authorization"] ?? "";
        return world.sts.lookup(/Credential=([^/]+)\//.exec(auth)?.[1] ?? "")?.roleArn;
      };
      assert.equal(signer("two-a"), STS_FIXTURE.roleArn);
      assert.equal(signer("two-b"), STS_FIXTURE.stagingRoleArn);
      assert.equal(signer("two-c"), STS_FIXTURE.externalRoleArn);
      world.emulator.log.length = 0;
      const before = created[1]?.outs ?? {};
      const after = (await lifecycle.check(before, { ...inputs("two-b"), profile: "prod" })).inputs;
      const diff = await lifecycle.diff("aliyun:cn-hangzhou:two-b", before, after);
      assert.deepEqual([diff.changes, diff.replaces], [true, []]);
      await lifecycle.update("aliyun:cn-hangzhou:two-b", before, after);
      assert.deepEqual(world.emulator.log.map((r) => [r.method, r.bucket, r.status]), [["PUT", "two-b", 200]]);
      assert.equal(signer("two-b"), STS_FIXTURE.roleArn);
    });

    it("a resource's profile that does not exist fails naming the input", async () => {
      const lifecycle = new BucketEncryptionLifecycle({});
      await lifecycle.configure(config({ "alicloud:profile": "prod" }));
      world.emulator.createBucket("input-nope");
      await assert.rejects(
        lifecycle.create((await lifecycle.check({}, { ...inputs("input-nope"), profile: "nope" })).inputs),
        /credentials from input profile "nope" \(of ~\/\.aliyun\/config\.json\) failed: unable to get profile with 'nope'/,
      );
    });

    it("a profile that does not exist fails naming it", async () => {
      const lifecycle = new BucketEncryptionLifecycle({});
      await lifecycle.configure(config({ "alicloud:profile": "nope" }));
      world.emulator.createBucket("profile-nope");
      await assert.rejects(
        lifecycle.create((await lifecycle.check({}, inputs("profile-nope"))).inputs),
        /^CredentialSourceError: credentials from stack config alicloud:profile \(profile "nope" of ~\/\.aliyun\/config\.json\) failed: unable to get profile with 'nope'/,
      );
      assert.equal(world.emulator.log.length, 0);
    });
  });
});
