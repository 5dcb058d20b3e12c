import type * as SignatureV4Module from "@smithy/signature-v4";
import type { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "./hashing";
import { ossV4SigningKey } from "./ossV4";
import type { SigningCredentials } from "./signableRequest";

// Enough for every region a stack touches; the oldest entries go first when it fills.
const MAX_ENTRIES = 64;

/**
 * What signing can reuse between requests of one client: the OSS V4 signing key (four HMACs that
 * depend only on the secret, the day and the region) and the SigV4 signer (which keeps its own
 * key cache). Owned by a client, so it lives and dies with it; nothing here is ever logged.
 */
export class SigningCache {
  private readonly ossKeys = new Map<string, Buffer>();
  private readonly awsSigners = new Map<string, SignatureV4>();

  /** The OSS V4 signing key for `secret` on `day` (yyyymmdd) in `region`. */
  ossV4Key(secret: string, day: string, region: string): Buffer {
    const id = `${day}\n${region}\n${secret}`;
    let key = this.ossKeys.get(id);
    if (key === undefined) {
      key = ossV4SigningKey(secret, day, region);
      remember(this.ossKeys, id, key);
    }
    return key;
  }

  /** A SigV4 signer for S3 in `region` with `credentials`. */
  awsSigner(credentials: SigningCredentials, region: string): SignatureV4 {
    const id = `${region}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}\n${credentials.securityToken ?? ""}`;
    let signer = this.awsSigners.get(id);
    if (signer === undefined) {
      // Loaded on first use: the signer library costs tens of milliseconds to load, and a run that
      // signs only OSS requests (or none: the CLI's help, a preview) never needs it.
      const { SignatureV4: Signer } = require("@smithy/signature-v4") as typeof SignatureV4Module;
      signer = new Signer({
        service: "s3",
        region,
        sha256: NodeSha256,
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          ...(credentials.securityToken !== undefined ? { sessionToken: credentials.securityToken } : {}),
        },
        // S3 signs the path as sent, without encoding it a second time.
        uriEscapePath: false,
        applyChecksum: true,
      });
      remember(this.awsSigners, id, signer);
    }
    return signer;
  }
}

function remember<V>(map: Map<string, V>, id: string, value: V): void {
  if (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(id, value);
}
