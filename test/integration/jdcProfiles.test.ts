import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { OssEmulator } from "../emulator/ossEmulator";

const PROD = { accessKeyId: "JDC-prod-id", secretAccessKey: "jdc-prod-Secret/1" };
const STAGE = { accessKeyId: "JDC-stage-id", secretAccessKey: "jdc-stage-Secret/2" };

describe("JD Cloud: the jdc CLI's profiles (~/.jdc/config, ~/.jdc/current) against the S3 dialect", () => {
  const emulator = new OssEmulator([PROD, STAGE]);
  const home = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-jdc-"));
  let endpoint = "";
  const around = () => ({ homeDir: home, fileExists: existsSync });
  const lifecycleWith = async (values: Record<string, string>) => {
    const lifecycle = new BucketEncryptionLifecycle({}, around);
    await lifecycle.configure({ config: { get: (key: string) => values[key] } });
    return lifecycle;
  };
  const inputs = (bucket: string, extra: Record<string, string> = {}) => ({ cloud: "jdcloud", region: "cn-north-1", bucket, sseAlgorithm: "KMS", endpoint, ...extra });
  const signerOf = (bucket: string) => /Credential=([^/]+)\//.exec(emulator.log.filter((r) => r.bucket === bucket).at(-1)?.headers["authorization"] ?? "")?.[1];

  before(async () => {
    endpoint = await emulator.start();
    mkdirSync(path.join(home, ".jdc"));
    writeFileSync(path.join(home, ".jdc", "config"), `[default]\naccess_key = ${PROD.accessKeyId}\nsecret_key = ${PROD.secretAccessKey}\nregion_id = cn-north-1\nendpoint = www.jdcloud-api.com\nscheme = https\ntimeout = 20\n\n[stage]\naccess_key = ${STAGE.accessKeyId}\nsecret_key = ${STAGE.secretAccessKey}\nregion_id = cn-north-1\n`);
    for (const b of ["jdc-a", "jdc-b", "jdc-c", "jdc-d"]) emulator.createBucket(b);
  });
  after(async () => {
    await emulator.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("the active profile (~/.jdc/current), jdcloud:profile, and a resource's profile", async () => {
    writeFileSync(path.join(home, ".jdc", "current"), "stage");
    const active = await lifecycleWith({});
    await active.create((await active.check({}, inputs("jdc-a"))).inputs);
    assert.equal(signerOf("jdc-a"), STAGE.accessKeyId);
    const named = await lifecycleWith({ "jdcloud:profile": "default" });
    await named.create((await named.check({}, inputs("jdc-b"))).inputs);
    assert.equal(signerOf("jdc-b"), PROD.accessKeyId);
    await named.create((await named.check({}, inputs("jdc-c", { profile: "stage" }))).inputs);
    assert.equal(signerOf("jdc-c"), STAGE.accessKeyId);
  });

  it("a profile missing from ~/.jdc/config fails naming it and listing the profiles, with no request", async () => {
    const lifecycle = await lifecycleWith({ "jdcloud:profile": "prod" });
    const count = emulator.log.length;
    await assert.rejects(
      lifecycle.create((await lifecycle.check({}, inputs("jdc-d"))).inputs),
      /^CredentialSourceError: credentials from stack config jdcloud:profile \(profile "prod" of ~\/\.jdc\/config\) failed: ~\/\.jdc\/config has no profile "prod" \(profiles: default, stage\)/,
    );
    assert.equal(emulator.log.length, count);
  });

  it("roleArn on JD Cloud is refused at check, naming the input", async () => {
    const lifecycle = await lifecycleWith({});
    const checked = await lifecycle.check({}, inputs("jdc-d", { roleArn: "acs:ram::1:role/x" }));
    assert.deepEqual(checked.failures.map((f) => f.property), ["roleArn"]);
  });
});
