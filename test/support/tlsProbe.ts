import { EncryptionClient } from "../../provider/client/EncryptionClient";

// Run as a child process so that NODE_EXTRA_CA_CERTS (read by Node once, at start) can be set:
// one GetBucketEncryption against the endpoint in argv[2]; prints the outcome as one JSON line.
async function main(): Promise<void> {
  const endpoint = process.argv[2] ?? "";
  const client = new EncryptionClient({
    credentials: () => ({ accessKeyId: "LTAI-tls-probe", secretAccessKey: "tls-probe-secret" }),
    timeouts: { connectTimeoutMs: 10_000, requestTimeoutMs: 10_000 },
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 30_000 },
  });
  try {
    const rule = await client.getRule({ cloud: "aliyun", region: "cn-hangzhou", bucket: "tls-probe", endpoint, signatureVersion: "v4" });
    console.log(JSON.stringify({ ok: true, rule, stats: client.stats }));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    console.log(JSON.stringify({ ok: false, name: e.name, message: e.message, stats: client.stats }));
  } finally {
    client.close();
  }
}

void main();
