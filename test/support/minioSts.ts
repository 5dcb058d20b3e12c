import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../../provider/signing/hashing";
import type { MinioServer } from "./minio";

/** Temporary credentials, as STS returns them. */
export interface SessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/**
 * Temporary credentials from MinIO's STS AssumeRole (signed with the root user), limited by the
 * session `policy`: the way to get a real 403 from MinIO for one bucket, as a cloud's access
 * policy would give.
 */
export async function assumeRoleWithPolicy(server: MinioServer, policy: object): Promise<SessionCredentials> {
  const body = new URLSearchParams({ Action: "AssumeRole", Version: "2011-06-15", DurationSeconds: "3600", Policy: JSON.stringify(policy) }).toString();
  const url = new URL(server.url);
  const signer = new SignatureV4({
    service: "sts",
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    query: {},
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const response = await fetch(`${server.url}/`, { method: "POST", headers: signed.headers, body });
  const text = await response.text();
  const field = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(text)?.[1];
  const accessKeyId = field("AccessKeyId");
  const secretAccessKey = field("SecretAccessKey");
  const sessionToken = field("SessionToken");
  if (!response.ok || accessKeyId === undefined || secretAccessKey === undefined || sessionToken === undefined) {
    throw new Error(`MinIO AssumeRole failed: HTTP ${response.status}`);
  }
  return { accessKeyId, secretAccessKey, sessionToken };
}
