import assert from "node:assert/strict";
import http from "node:http";
import { afterEach, describe, it } from "node:test";
import type { ConnectionReuse } from "../../provider/http/connectionReuse";
import { RegionalHttpsAgent } from "../../provider/http/RegionalHttpsAgent";
import { sendOnSharedConnections } from "../../provider/http/sendOnSharedConnections";
import type { HttpResponse } from "../../provider/http/sendRequest";
import { lookupLoopback, testCa, testCertificate, TlsTestServer } from "../support/tlsTestServer";

// Sharing between the buckets of one regional endpoint, against https servers on 127.0.0.1 that
// present certificates of a private test CA: connections coalesce only where the certificate
// covers both names, TLS sessions resume across names, and a 421 sends a name back to
// connections of its own. Counts only, no timings.

describe("connections and TLS sessions shared across the buckets of a region", () => {
  let server: TlsTestServer | undefined;
  let agent: RegionalHttpsAgent | undefined;
  afterEach(async () => {
    agent?.destroy();
    await server?.stop();
  });

  async function setUp(reuse: ConnectionReuse, options: ConstructorParameters<typeof TlsTestServer>[0] = {}): Promise<{ server: TlsTestServer; agent: RegionalHttpsAgent; port: number }> {
    server = new TlsTestServer(options);
    const port = await server.start();
    agent = new RegionalHttpsAgent(reuse, { ca: testCa(), lookup: lookupLoopback } as ConstructorParameters<typeof RegionalHttpsAgent>[1]);
    return { server, agent, port };
  }

  const send = (a: RegionalHttpsAgent, hostname: string, port: number): Promise<HttpResponse> =>
    sendOnSharedConnections(
      { method: "GET", protocol: "https:", hostname, port, target: "/?encryption", headers: { host: `${hostname}:${port}` }, body: "" },
      { connectTimeoutMs: 20_000, timeoutMs: 60_000, agents: { http: new http.Agent(), https: a } },
    );

  it("coalesce: sequential requests to ten buckets of a region share one connection and one full handshake", async () => {
    const { server, agent, port } = await setUp("coalesce");
    for (let i = 0; i < 10; i++) {
      const response = await send(agent, `bucket-${i}.region.test`, port);
      assert.equal(response.status, 200);
      assert.equal(response.body, `ok bucket-${i}.region.test`);
    }
    assert.deepEqual(server.counts, { connections: 1, fullHandshakes: 1, resumedHandshakes: 0 });
    // Every request still names its own bucket; only the connection is shared.
    assert.deepEqual(server.seen.map((r) => r.host), Array.from({ length: 10 }, (_, i) => `bucket-${i}.region.test`));
  });

  it("coalesce: at most one connection (and one full handshake) per request in flight", async () => {
    const { server, agent, port } = await setUp("coalesce");
    const names = Array.from({ length: 40 }, (_, i) => `bucket-${i}.region.test`);
    const inFlight = 4;
    const queue = [...names];
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) assert.equal((await send(agent, name, port)).status, 200);
      }),
    );
    assert.equal(server.seen.length, 40);
    assert.ok(server.counts.connections <= inFlight, `${server.counts.connections} connections`);
    assert.ok(server.counts.fullHandshakes <= inFlight, `${server.counts.fullHandshakes} full handshakes`);
  });

  it("coalesce: a name the region's certificate does not cover gets connections of its own", async () => {
    const { server, agent, port } = await setUp("coalesce", { certificates: { "a.region.test": testCertificate("only-a"), "c.region.test": testCertificate("only-c") } });
    assert.equal((await send(agent, "a.region.test", port)).status, 200);
    assert.equal((await send(agent, "c.region.test", port)).status, 200);
    assert.equal((await send(agent, "a.region.test", port)).status, 200);
    assert.equal((await send(agent, "c.region.test", port)).status, 200);
    // c never rode a's connection (whose certificate names only a), and vice versa.
    for (const request of server.seen) assert.equal(request.servername, request.host);
    assert.equal(server.counts.connections, 2);
    // Nor did c resume a's session: that session's certificate is not valid for c.
    assert.equal(server.counts.resumedHandshakes, 0);
  });

  it("coalesce: a 421 is retried once on a connection of the request's own name, and that name is not coalesced again", async () => {
    const { server, agent, port } = await setUp("coalesce", { misdirect: "coalesced" });
    assert.equal((await send(agent, "a.region.test", port)).status, 200);
    const first = await send(agent, "b.region.test", port);
    assert.equal(first.status, 200);
    assert.equal(first.body, "ok b.region.test");
    assert.deepEqual(
      server.seen.map((r) => [r.servername, r.host, r.status]),
      [
        ["a.region.test", "a.region.test", 200],
        ["a.region.test", "b.region.test", 421],
        ["b.region.test", "b.region.test", 200],
      ],
    );
    assert.equal(agent.coalesces("b.region.test", port), false);
    assert.equal((await send(agent, "b.region.test", port)).status, 200);
    assert.equal((await send(agent, "a.region.test", port)).status, 200);
    // No second 421: b went straight to its own connection, a kept its own.
    assert.equal(server.seen.filter((r) => r.status === 421).length, 1);
    assert.equal(server.seen.length, 5);
  });

  it("coalesce: a second 421, on the request's own connection, is returned and not retried again", async () => {
    const { server, agent, port } = await setUp("coalesce", { misdirect: "always" });
    assert.equal((await send(agent, "a.region.test", port)).status, 421);
    const response = await send(agent, "b.region.test", port);
    assert.equal(response.status, 421);
    // a: one request (its own connection: nothing to fall back to); b: coalesced, then once on its own.
    assert.deepEqual(
      server.seen.map((r) => [r.servername, r.host]),
      [
        ["a.region.test", "a.region.test"],
        ["a.region.test", "b.region.test"],
        ["b.region.test", "b.region.test"],
      ],
    );
  });

  it("sessions: one connection per name, but every handshake after the first resumes the region's session", async () => {
    const { server, agent, port } = await setUp("sessions");
    for (let i = 0; i < 5; i++) assert.equal((await send(agent, `bucket-${i}.region.test`, port)).status, 200);
    assert.equal(server.counts.connections, 5);
    // Every handshake after the first offers the region's session; whether the server resumes one
    // made under another name is the server's policy: the OpenSSL 3.0 of Node 20 does, the 3.5
    // of Node 24 declines (each then makes a full handshake, as without sharing).
    assert.equal(agent.sessionsOffered, 4);
    const serverResumesAcrossNames = !/^3\.[5-9]|^[4-9]\./.test(process.versions.openssl);
    assert.equal(server.counts.fullHandshakes, serverResumesAcrossNames ? 1 : 5);
    assert.equal(server.counts.resumedHandshakes, serverResumesAcrossNames ? 4 : 0);
    for (const request of server.seen) assert.equal(request.servername, request.host);
  });

  it("none: one connection and one full handshake per name, as Node's own agent", async () => {
    const { server, agent, port } = await setUp("none");
    for (let i = 0; i < 3; i++) assert.equal((await send(agent, `bucket-${i}.region.test`, port)).status, 200);
    assert.equal((await send(agent, "bucket-0.region.test", port)).status, 200);
    assert.deepEqual(server.counts, { connections: 3, fullHandshakes: 3, resumedHandshakes: 0 });
  });
});
