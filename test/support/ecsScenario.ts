import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { OssEmulator } from "../emulator/ossEmulator";
import { LocalEcsMetadata } from "./localEcsMetadata";
import { LocalSts } from "./localSts";

// Run inside a network namespace where 100.100.100.200 is local (see ecsNamespace.ts): serves the
// metadata service there and an STS-only OSS emulator on the namespace's loopback, drives the
// lifecycle with the ECS RAM role source, and prints one JSON line with what happened.
// argv: <mode: hardened | refused | imdsv1 | chained> <operations>. `chained` assumes a role with
// the instance role's credentials at a local STS (https: NODE_EXTRA_CA_CERTS must be set).
async function main(): Promise<void> {
  const mode = process.argv[2] ?? "hardened";
  const operations = Number(process.argv[3] ?? "20");
  const metadata = new LocalEcsMetadata({ roleName: "worker-role", lifetimeMs: 3_600_000, requireToken: mode !== "imdsv1", refuseTokens: mode === "refused" });
  await metadata.start();
  const roleArn = "acs:ram::6543210987654321:role/deployer";
  const sts = new LocalSts({ roles: [{ roleArn }], trust: metadata, lifetimeMs: 3_600_000 });
  const stsEndpoint = await sts.start();
  const emulator = new OssEmulator([], { sts: { lookup: (id) => (mode === "chained" ? sts : metadata).lookup(id) } });
  const endpoint = await emulator.start();
  const config: Record<string, string> =
    mode === "imdsv1"
      ? {}
      : mode === "chained"
        ? { "alicloud:ecsRoleName": "worker-role", "alicloud:assumeRole": JSON.stringify({ roleArn }), "alicloud:stsEndpoint": stsEndpoint }
        : { "alicloud:ecsRoleName": "worker-role" };
  const env: NodeJS.ProcessEnv = mode === "imdsv1" ? { ALIBABA_CLOUD_ECS_METADATA: "worker-role" } : {};
  const lifecycle = new BucketEncryptionLifecycle(env, () => ({ homeDir: "/nonexistent", fileExists: () => false }));
  await lifecycle.configure({ config: { get: (key: string) => config[key] } });
  const buckets = Array.from({ length: operations }, (_, i) => `ecs-${i}`);
  for (const b of buckets) emulator.createBucket(b);
  let error: string | undefined;
  try {
    await Promise.all(buckets.map(async (b) => lifecycle.create((await lifecycle.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: b, sseAlgorithm: "AES256", endpoint })).inputs)));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const applied = buckets.filter((b) => emulator.buckets.get(b)?.rule !== undefined).length;
  const stsCalls = sts.calls.map((c) => ({ action: c.action, status: c.status, caller: c.caller?.startsWith("STS.") === true && metadata.lookup(c.caller) !== undefined ? "instance role" : c.caller }));
  process.stdout.write(`${JSON.stringify({ error, applied, ossRequests: emulator.log.length, metadataCalls: metadata.calls, issued: [...metadata.issued.keys()], stsCalls })}\n`);
  await Promise.all([metadata.stop(), emulator.stop(), sts.stop()]);
}

void main();
