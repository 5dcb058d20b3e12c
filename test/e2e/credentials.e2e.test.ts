import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { OssEmulator } from "../emulator/ossEmulator";
import { LOOPBACK_TLS } from "../support/localSts";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { requireLoopbackTrust, STS_FIXTURE, StsWorld } from "../support/stsWorld";
import { installTools, REPO_ROOT, type Tools } from "../support/tools";

// The real Pulumi CLI with keyless credentials only: a local STS (https on loopback, trusted by
// the provider process through NODE_EXTRA_CA_CERTS) and an STS-only OSS emulator that refuses
// long-lived keys and expired tokens.

let tools: Tools;
before(() => {
  requireLoopbackTrust();
  tools = installTools("pulumi");
});

/** Every secret a run must never print or store: issued secrets and tokens, the OIDC token, the base key. */
function secretsOf(world: StsWorld): string[] {
  return [
    world.oidcToken,
    STS_FIXTURE.baseKey.secretAccessKey,
    ...[...world.sts.issued.values()].flatMap((c) => [c.secretAccessKey, c.securityToken]),
  ];
}

function assertNoSecrets(text: string, secrets: readonly string[], where: string): void {
  const leaked = secrets.filter((s) => text.includes(s));
  assert.equal(leaked.length, 0, `${leaked.length} secret(s) (STS secret, STS token or OIDC token) appear in ${where}`);
  assert.doesNotMatch(text, /Signature=|OSS4-HMAC-SHA256 /, `a signature appears in ${where}`);
}

describe("a stack whose only credentials are an OIDC token file and a role ARN", () => {
  // 6 s credentials (5 to 6 s: Expiration has whole seconds), renewed at two thirds of that; every
  // OSS request takes 500 ms and the engine runs 4 at a time, so an up of 48 resources lasts at
  // least 6 s after its first request: it always outlives its first credentials.
  const lifetimeMs = 6_000;
  const world = new StsWorld(lifetimeMs);
  const latency = new OssEmulator([], { sts: world.sts, latencyMs: 500 });
  let project: PulumiProject;
  let ossEndpoint = "";
  const buckets = Array.from({ length: 48 }, (_, i) => `oidc-e2e-${i}`);
  const transcript: string[] = [];
  const pulumi = async (argv: string[]) => {
    const result = await project.run(argv);
    transcript.push(result.stdout, result.stderr);
    return result;
  };

  before(async () => {
    await world.start();
    ossEndpoint = await latency.start();
    for (const b of buckets) latency.createBucket(b);
    project = await PulumiProject.create({
      tools,
      program: programFor(buckets.map((b) => ({ name: b, args: { cloud: "aliyun", region: "cn-hangzhou", bucket: b, sseAlgorithm: "AES256", endpoint: ossEndpoint } }))),
      env: { NODE_EXTRA_CA_CERTS: LOOPBACK_TLS.cert },
    });
    // Addresses and a file path only: nothing secret in the stack config.
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.roleArn", STS_FIXTURE.roleArn]);
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.oidcProviderArn", STS_FIXTURE.oidcProviderArn]);
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.oidcTokenFile", world.tokenFile]);
    await project.setConfig("alicloud:stsEndpoint", world.stsEndpoint);
  });
  after(async () => {
    project?.dispose();
    await latency.stop();
    await world.stop();
  });

  it("up creates every rule; the credentials are renewed mid-run, a bounded number of times, with no failed request", async () => {
    const started = Date.now();
    const result = await pulumi(["up", "--yes", "--skip-preview", "--parallel", "4"]);
    const elapsed = Date.now() - started;
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(buckets.every((b) => latency.buckets.get(b)?.rule?.SSEAlgorithm === "AES256"));
    assert.deepEqual(latency.log.filter((r) => r.status !== 200).map((r) => r.status), [], "no request refused (an expired token is a 403)");
    const exchanges = world.sts.successes("AssumeRoleWithOIDC");
    const bound = Math.ceil(elapsed / ((lifetimeMs - 1_000) * (2 / 3))) + 1;
    process.stdout.write(`# up of ${buckets.length} resources in ${elapsed} ms with ${lifetimeMs / 1000} s credentials: ${exchanges} AssumeRoleWithOIDC\n`);
    assert.ok(exchanges >= 2, `the run outlived its first credentials and renewed them (${exchanges} exchanges)`);
    assert.ok(exchanges <= bound, `${exchanges} exchanges, at most ${bound} expected for ${elapsed} ms`);
  });

  it("refresh and destroy work the same, each process with its own few exchanges", async () => {
    const before = world.sts.successes("AssumeRoleWithOIDC");
    const refresh = await pulumi(["refresh", "--yes", "--parallel", "4"]);
    assert.equal(refresh.code, 0, refresh.stdout + refresh.stderr);
    const preview = await pulumi(["preview", "--refresh", "--expect-no-changes", "-v=9", "--logtostderr", "--logflow"]);
    assert.equal(preview.code, 0, preview.stderr.slice(-2000));
    const destroy = await pulumi(["destroy", "--yes", "--parallel", "4"]);
    assert.equal(destroy.code, 0, destroy.stdout + destroy.stderr);
    assert.ok(buckets.every((b) => latency.buckets.get(b)?.rule === undefined));
    const exchanges = world.sts.successes("AssumeRoleWithOIDC") - before;
    process.stdout.write(`# refresh + preview -v=9 + destroy of ${buckets.length} resources: ${exchanges} AssumeRoleWithOIDC\n`);
    assert.ok(exchanges < buckets.length, `${exchanges} exchanges for 3 x ${buckets.length} operations`);
    assert.deepEqual(latency.log.filter((r) => r.status !== 200 && r.status !== 204).map((r) => r.status), []);
  });

  it("no STS secret, STS token or OIDC token in the state, the outputs or the logs (verbosity 9)", async () => {
    const secrets = secretsOf(world);
    assert.ok(secrets.length > 4);
    assertNoSecrets(await project.exportState(), secrets, "the exported state");
    assertNoSecrets(transcript.join("\n"), secrets, "the CLI output");
  });
});

describe("failures name the source", () => {
  const world = new StsWorld(60_000);
  let project: PulumiProject;
  const transcript: string[] = [];

  before(async () => {
    await world.start();
    world.emulator.createBucket("fail-e2e");
    const home = path.join(world.dir, "home");
    mkdirSync(path.join(home, ".aliyun"), { recursive: true });
    writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "prod", profiles: [{ name: "prod", mode: "AK", access_key_id: "x", access_key_secret: "y" }] }));
    project = await PulumiProject.create({
      tools,
      program: programFor([{ name: "enc", args: { cloud: "aliyun", region: "cn-hangzhou", bucket: "fail-e2e", sseAlgorithm: "AES256", endpoint: world.ossEndpoint } }]),
      env: { NODE_EXTRA_CA_CERTS: LOOPBACK_TLS.cert, HOME: home },
    });
    await project.setConfig("alicloud:stsEndpoint", world.stsEndpoint);
  });
  after(async () => {
    project?.dispose();
    await world.stop();
  });

  it("a refused OIDC exchange: the stack config key, STS's code and request id; no request to OSS", async () => {
    writeFileSync(path.join(world.dir, "revoked-token"), "eyJhbGciOiJSUzI1NiJ9.revoked.c2ln");
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.roleArn", STS_FIXTURE.roleArn]);
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.oidcProviderArn", STS_FIXTURE.oidcProviderArn]);
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRoleWithOidc.oidcTokenFile", path.join(world.dir, "revoked-token")]);
    const result = await project.run(["up", "--yes", "--skip-preview"]);
    transcript.push(result.stdout, result.stderr);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /credentials from stack config alicloud:assumeRoleWithOidc failed: get sts token failed with OIDC AuthenticationFail\.OIDCToken\.InvalidSignature: OIDC token validate failed: invalid signature\. \[request id [0-9A-F]{32}\]/);
    assert.ok(!(result.stdout + result.stderr).includes("revoked"), "the OIDC token is not printed");
    assert.equal(world.emulator.log.length, 0);
    await project.must(["config", "rm", "alicloud:assumeRoleWithOidc"]);
  });

  it("a misconfigured profile (stack config and resource input): named, and nothing sent", async () => {
    await project.setConfig("alicloud:profile", "staging");
    const stack = await project.run(["up", "--yes", "--skip-preview"]);
    transcript.push(stack.stdout, stack.stderr);
    assert.notEqual(stack.code, 0);
    assert.match(stack.stdout + stack.stderr, /credentials from stack config alicloud:profile \(profile "staging" of ~\/\.aliyun\/config\.json\) failed: unable to get profile with 'staging'/);
    await project.must(["config", "rm", "alicloud:profile"]);
    project.setProgram(programFor([{ name: "enc", args: { cloud: "aliyun", region: "cn-hangzhou", bucket: "fail-e2e", sseAlgorithm: "AES256", endpoint: world.ossEndpoint, profile: "prd" } }]));
    const input = await project.run(["up", "--yes", "--skip-preview"]);
    transcript.push(input.stdout, input.stderr);
    assert.notEqual(input.code, 0);
    assert.match(input.stdout + input.stderr, /credentials from input profile "prd" \(of ~\/\.aliyun\/config\.json\) failed: unable to get profile with 'prd'/);
    assert.equal(world.emulator.log.length, 0);
  });

  it("a malformed source fails at preview, naming the key, with no request to STS", async () => {
    await project.must(["config", "set", "--plaintext", "--path", "alicloud:assumeRole.sessionName", "no-role"]);
    const result = await project.run(["preview"]);
    transcript.push(result.stdout, result.stderr);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /stack config alicloud:assumeRole needs roleArn/);
    assert.equal(world.sts.calls.length, 1, "only the refused OIDC exchange of the first case reached STS");
    await project.must(["config", "rm", "alicloud:assumeRole"]);
  });

  it("no secret of these runs is printed", () => {
    assertNoSecrets(transcript.join("\n"), [world.oidcToken, "revoked.c2ln", ...secretsOf(world)], "the CLI output");
  });
});

describe("the two-account example (examples/two-accounts) with profiles, then a role", () => {
  const world = new StsWorld(60_000);
  let project: PulumiProject;
  const transcript: string[] = [];
  const production = ["acme-prod-logs", "acme-prod-data"];
  const staging = ["acme-staging-logs"];
  // The role whose issued key signed the last request to `bucket`.
  const signer = (bucket: string) => {
    const auth = world.emulator.log.filter((r) => r.bucket === bucket).at(-1)?.headers["authorization"] ?? "";
    return world.sts.lookup(/Credential=([^/]+)\//.exec(auth)?.[1] ?? "")?.roleArn;
  };
  const must = async (argv: string[]) => {
    const result = await project.run(argv);
    transcript.push(result.stdout, result.stderr);
    assert.equal(result.code, 0, `pulumi ${argv.join(" ")}:\n${result.stdout}\n${result.stderr}`);
    return result;
  };

  before(async () => {
    await world.start();
    for (const b of [...production, ...staging]) world.emulator.createBucket(b);
    const home = path.join(world.dir, "home");
    mkdirSync(path.join(home, ".aliyun"), { recursive: true });
    const profile = (name: string, role: string) => ({
      name, mode: "RamRoleArn", access_key_id: STS_FIXTURE.baseKey.accessKeyId, access_key_secret: STS_FIXTURE.baseKey.secretAccessKey,
      ram_role_arn: role, ram_session_name: name, sts_endpoint: world.stsEndpoint,
    });
    writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "production", profiles: [profile("production", STS_FIXTURE.roleArn), profile("staging", STS_FIXTURE.stagingRoleArn)] }));
    project = await PulumiProject.create({
      tools,
      program: readFileSync(path.join(REPO_ROOT, "build/examples/two-accounts/index.js"), "utf8"),
      env: { NODE_EXTRA_CA_CERTS: LOOPBACK_TLS.cert, HOME: home },
    });
    await project.setConfig("endpoint", world.ossEndpoint);
    await project.setConfig("alicloud:stsEndpoint", world.stsEndpoint);
  });
  after(async () => {
    project?.dispose();
    await world.stop();
  });

  it("up: each account's buckets are signed by that account's role", async () => {
    await must(["up", "--yes", "--skip-preview"]);
    for (const b of production) assert.equal(signer(b), STS_FIXTURE.roleArn, b);
    for (const b of staging) assert.equal(signer(b), STS_FIXTURE.stagingRoleArn, b);
    assert.ok([...production, ...staging].every((b) => world.emulator.buckets.get(b)?.rule?.SSEAlgorithm === "KMS"));
    await must(["preview", "--refresh", "--expect-no-changes"]);
  });

  it("switching staging from its profile to a role updates in place: one PUT, the rule never deleted", async () => {
    await project.setConfig("alicloud:profile", "production");
    await project.setConfig("stagingRoleArn", STS_FIXTURE.stagingRoleArn);
    world.emulator.log.length = 0;
    const result = await must(["up", "--yes", "--skip-preview"]);
    assert.match(result.stdout, /1 updated/);
    assert.doesNotMatch(result.stdout, /replaced|deleted/);
    assert.deepEqual(world.emulator.log.map((r) => [r.method, r.bucket]), [["PUT", "acme-staging-logs"]]);
    assert.equal(signer("acme-staging-logs"), STS_FIXTURE.stagingRoleArn);
    // Chained: the stack's default identity (profile production, itself a role) assumed the staging role.
    assert.equal(world.sts.calls.at(-1)?.caller?.startsWith("STS."), true);
  });

  it("destroy removes every rule; nothing secret was printed or stored", async () => {
    await must(["destroy", "--yes"]);
    assert.ok([...production, ...staging].every((b) => world.emulator.buckets.get(b)?.rule === undefined));
    const secrets = secretsOf(world);
    assertNoSecrets(await project.exportState(), secrets, "the exported state");
    assertNoSecrets(transcript.join("\n"), secrets, "the CLI output");
  });
});
