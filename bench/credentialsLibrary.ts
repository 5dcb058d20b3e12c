import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { DefaultCredentialsProvider, OIDCRoleArnCredentialsProvider } from "@alicloud/credentials";
import { aliyunCredentialSource } from "../provider/clouds/aliyun/credentials/source";
import { CredentialCache } from "../provider/credentials/CredentialCache";
import { LOOPBACK_TLS } from "../test/support/localSts";
import { STS_FIXTURE, StsWorld } from "../test/support/stsWorld";

// Why this package uses @alicloud/credentials's providers but not its default chain or its
// session cache: measures, against the local STS, (1) STS calls per operation with the library's
// cache and with ours, for credentials of the shortest lifetime STS grants (900 s); (2) the
// default chain's first call made concurrently; (3) the default chain's fall-through when the
// source a user configured fails. Prints the figures the README quotes.

async function stsCallsPerOperation(world: StsWorld): Promise<void> {
  const operations = 100;
  const library = OIDCRoleArnCredentialsProvider.builder()
    .withRoleArn(STS_FIXTURE.roleArn)
    .withOIDCProviderArn(STS_FIXTURE.oidcProviderArn)
    .withOIDCTokenFilePath(world.tokenFile)
    .withRoleSessionName("bench")
    .withStsEndpoint(world.stsEndpoint)
    .build();
  world.sts.calls.length = 0;
  for (let i = 0; i < operations; i++) await library.getCredentials();
  const libraryCalls = world.sts.calls.length;
  const ours = new CredentialCache(
    aliyunCredentialSource({ base: { kind: "oidc", name: "bench", roleArn: STS_FIXTURE.roleArn, oidcProviderArn: STS_FIXTURE.oidcProviderArn, tokenFile: world.tokenFile, sessionName: "bench" }, stsEndpoint: world.stsEndpoint }),
  );
  world.sts.calls.length = 0;
  for (let i = 0; i < operations; i++) await ours.get();
  console.log(`900 s credentials, ${operations} sequential operations: the library's session cache makes ${libraryCalls} STS calls, ours ${world.sts.calls.length}`);
}

async function withUriServer<T>(body: string, run: (url: string) => Promise<T>): Promise<T> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => res.end(body), 200);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.close();
  }
}

async function defaultChain(world: StsWorld): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), "bench-home-"));
  mkdirSync(path.join(home, ".aliyun"));
  const savedHome = process.env["HOME"];
  process.env["HOME"] = home;
  const other = { AccessKeyId: "STS.other-identity", AccessKeySecret: "x", SecurityToken: "y", Expiration: new Date(Date.now() + 3_600_000).toISOString(), Code: "Success" };
  try {
    await withUriServer(JSON.stringify(other), async (uri) => {
      process.env["ALIBABA_CLOUD_CREDENTIALS_URI"] = uri;
      // (2) a chain whose only source answers after 200 ms, asked by 20 operations at once.
      writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "none", profiles: [] }));
      const chain = DefaultCredentialsProvider.builder().build();
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => chain.getCredentials()));
      console.log(`default chain, first call by 20 concurrent operations: ${outcomes.filter((o) => o.status === "rejected").length} of 20 fail`);
      // (3) the configured profile's role assumption is refused (wrong secret): the chain moves on.
      writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({
        current: "prod",
        profiles: [{ name: "prod", mode: "RamRoleArn", access_key_id: STS_FIXTURE.baseKey.accessKeyId, access_key_secret: "wrong", ram_role_arn: STS_FIXTURE.roleArn, ram_session_name: "bench", sts_endpoint: world.stsEndpoint }],
      }));
      const fallthrough = await DefaultCredentialsProvider.builder().build().getCredentials();
      console.log(`default chain, configured profile refused by STS: signs as ${fallthrough.accessKeyId === other.AccessKeyId ? "another identity (ALIBABA_CLOUD_CREDENTIALS_URI), silently" : fallthrough.accessKeyId}`);
    });
  } finally {
    delete process.env["ALIBABA_CLOUD_CREDENTIALS_URI"];
    if (savedHome === undefined) delete process.env["HOME"];
    else process.env["HOME"] = savedHome;
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The library calls STS over https only: trust the loopback certificate from the start.
  if (process.env["NODE_EXTRA_CA_CERTS"] !== LOOPBACK_TLS.cert) {
    const child = spawnSync(process.execPath, [__filename], { stdio: "inherit", env: { ...process.env, NODE_EXTRA_CA_CERTS: LOOPBACK_TLS.cert } });
    process.exit(child.status ?? 1);
  }
  const world = new StsWorld(900_000);
  await world.start();
  try {
    await stsCallsPerOperation(world);
    await defaultChain(world);
  } finally {
    await world.stop();
  }
}

void main();
