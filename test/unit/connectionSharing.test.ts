import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type tls from "node:tls";
import { physicalFloorSeconds } from "../../bench/networkReport";
import { CONNECTION_REUSE_ENV, connectionReuseFrom } from "../../provider/http/connectionReuse";
import { certificateCovers, resumableSession } from "../../provider/http/RegionalHttpsAgent";
import { regionalAuthority } from "../../provider/http/regionalAuthority";
import { REPO_ROOT } from "../support/tools";

// The pure decisions behind sharing connections and TLS sessions between a region's buckets.

/** A certificate as tls.checkServerIdentity reads it, from a fixture. */
function peerCertificate(name: string): tls.PeerCertificate {
  const x509 = new X509Certificate(readFileSync(path.join(REPO_ROOT, "test/fixtures/tls", `${name}.crt`)));
  return { subject: { CN: x509.subject.replace(/^CN=/, "") }, subjectaltname: x509.subjectAltName ?? "" } as unknown as tls.PeerCertificate;
}

describe("regional authority of a host name", () => {
  const cases: Array<[string, string | undefined]> = [
    ["acme-logs.oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com"],
    ["acme-backups.s3.cn-north-1.jdcloud-oss.com", "s3.cn-north-1.jdcloud-oss.com"],
    ["ACME.OSS-CN-HANGZHOU.ALIYUNCS.COM.", "oss-cn-hangzhou.aliyuncs.com"],
    ["oss-cn-hangzhou.aliyuncs.com", "aliyuncs.com"],
    ["aliyuncs.com", undefined],
    ["localhost", undefined],
    ["127.0.0.1", undefined],
    ["::1", undefined],
    ["[::1]", undefined],
    ["a..b.c", undefined],
  ];
  for (const [host, expected] of cases) it(`${host} → ${String(expected)}`, () => assert.equal(regionalAuthority(host), expected));
});

describe("connection reuse from the environment", () => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, "coalesce"],
    ["", "coalesce"],
    ["coalesce", "coalesce"],
    [" Sessions ", "sessions"],
    ["none", "none"],
  ];
  for (const [value, expected] of cases) it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(connectionReuseFrom({ [CONNECTION_REUSE_ENV]: value }), expected));
  for (const bad of ["off", "true", "coalesced"]) {
    it(`refuses ${bad}, naming the variable`, () => assert.throws(() => connectionReuseFrom({ [CONNECTION_REUSE_ENV]: bad }), new RegExp(CONNECTION_REUSE_ENV)));
  }
});

describe("which names a certificate lets share a connection or a session", () => {
  const regional = peerCertificate("regional");
  const onlyA = peerCertificate("only-a");
  const cases: Array<[tls.PeerCertificate | undefined, string, boolean]> = [
    [regional, "acme-logs.oss-cn-hangzhou.aliyuncs.com", true],
    [regional, "acme.s3.cn-north-1.jdcloud-oss.com", true],
    [regional, "oss-cn-hangzhou.aliyuncs.com", true],
    // A wildcard covers one label only.
    [regional, "a.b.oss-cn-hangzhou.aliyuncs.com", false],
    [regional, "acme.oss-cn-shanghai.aliyuncs.com", false],
    [onlyA, "a.region.test", true],
    [onlyA, "c.region.test", false],
    [undefined, "a.region.test", false],
  ];
  for (const [certificate, host, expected] of cases) {
    it(`${String(certificate?.subject.CN ?? "no certificate")} ${expected ? "covers" : "does not cover"} ${host}`, () => assert.equal(certificateCovers(certificate, host), expected));
  }
  const ticket = Buffer.from("ticket");
  it("a session resumes under another name its certificate covers", () => assert.equal(resumableSession("b.region.test", { ticket, certificate: regional }), ticket));
  it("a session never resumes under a name its certificate does not cover", () => assert.equal(resumableSession("c.region.test", { ticket, certificate: onlyA }), undefined));
  it("no session, nothing to resume", () => assert.equal(resumableSession("a.region.test", undefined), undefined));
});

describe("physical floor", () => {
  const cases: Array<[number, number, number, number, number]> = [
    // engine floor s, N, parallelism, RTT ms → seconds
    [2, 300, 8, 30, 2 + (38 + 2) * 0.03],
    [2, 8, 8, 30, 2 + 3 * 0.03],
    [1, 20, 8, 0, 1],
    [1, 1, 1, 100, 1.3],
  ];
  for (const [floor, n, p, rtt, expected] of cases) {
    it(`${floor} s, N=${n}, P=${p}, ${rtt} ms → ${expected.toFixed(2)} s`, () => assert.ok(Math.abs(physicalFloorSeconds(floor, n, p, rtt) - expected) < 1e-9));
  }
});
