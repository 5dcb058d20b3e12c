import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OssEmulator } from "../emulator/ossEmulator";
import { LOOPBACK_TLS, LocalSts } from "./localSts";

/** Account ids, roles and the OIDC provider the keyless tests use (addresses, not secrets). */
export const STS_FIXTURE = {
  roleArn: "acs:ram::1234567890123456:role/ci-deployer",
  stagingRoleArn: "acs:ram::6543210987654321:role/staging-deployer",
  externalRoleArn: "acs:ram::6543210987654321:role/partner",
  externalId: "partner-ext-7",
  oidcProviderArn: "acs:ram::1234567890123456:oidc-provider/github-actions",
  /** A long-lived key allowed only to assume roles (the OSS emulator refuses it). */
  baseKey: { accessKeyId: "LTAI-base-id", secretAccessKey: "base-Secret/Value+9" },
} as const;

/** Throws unless the process trusts the loopback certificate (NODE_EXTRA_CA_CERTS is read at start only). */
export function requireLoopbackTrust(): void {
  if (process.env["NODE_EXTRA_CA_CERTS"] !== LOOPBACK_TLS.cert) {
    throw new Error(`run this suite through scripts/test.js, or with NODE_EXTRA_CA_CERTS=${LOOPBACK_TLS.cert}: the official credentials library calls STS over https only`);
  }
}

/**
 * A local STS and an STS-only OSS emulator: signing works only with credentials that STS issued
 * and only until they expire. Also an OIDC token file in a temp directory.
 */
export class StsWorld {
  readonly sts: LocalSts;
  readonly emulator: OssEmulator;
  readonly dir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-sts-"));
  readonly tokenFile = path.join(this.dir, "oidc-token");
  /** The OIDC token the STS accepts (a stand-in for a CI job's JWT). */
  readonly oidcToken = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: "repo:acme/infra", n: Math.random() })).toString("base64url")}.c2lnbmF0dXJl`;
  stsEndpoint = "";
  ossEndpoint = "";

  constructor(lifetimeMs: number) {
    this.sts = new LocalSts({
      keys: [STS_FIXTURE.baseKey],
      roles: [{ roleArn: STS_FIXTURE.roleArn }, { roleArn: STS_FIXTURE.stagingRoleArn }, { roleArn: STS_FIXTURE.externalRoleArn, externalId: STS_FIXTURE.externalId }],
      oidc: [{ providerArn: STS_FIXTURE.oidcProviderArn, tokens: new Set([this.oidcToken]) }],
      lifetimeMs,
    });
    this.emulator = new OssEmulator([], { sts: this.sts });
    writeFileSync(this.tokenFile, this.oidcToken);
  }

  async start(): Promise<void> {
    this.stsEndpoint = await this.sts.start();
    this.ossEndpoint = await this.emulator.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.sts.stop(), this.emulator.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** `alicloud:assumeRoleWithOidc` as stack config holds it. */
  oidcConfig(overrides: Record<string, unknown> = {}): string {
    return JSON.stringify({ roleArn: STS_FIXTURE.roleArn, oidcProviderArn: STS_FIXTURE.oidcProviderArn, oidcTokenFile: this.tokenFile, ...overrides });
  }
}
