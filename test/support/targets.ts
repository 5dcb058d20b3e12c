import { OssEmulator } from "../emulator/ossEmulator";
import { FaultProxy } from "./faultProxy";
import { type MinioServer, startMinio } from "./minio";
import { S3Oracle } from "./s3Oracle";

/** A rule as a server stores it, in its own words. */
export interface WireRule {
  readonly SSEAlgorithm: string;
  readonly KMSMasterKeyID?: string;
}

/**
 * A server a test drives the product against, with an independent view of its truth: the
 * emulator's own store for the Aliyun dialect, the AWS SDK for MinIO.
 */
export interface Target {
  readonly name: string;
  readonly cloud: "aliyun" | "jdcloud";
  readonly region: string;
  /** What the program passes as `endpoint`. */
  readonly endpoint: string;
  /** The same server under another spelling (for the endpoint-only change). */
  readonly otherEndpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The KMS key ids the server accepts. */
  readonly kmsKeys: readonly [string, string];
  /** The wire value for KMS. */
  readonly kmsWire: string;
  createBucket(bucket: string): Promise<void>;
  rule(bucket: string): Promise<WireRule | undefined>;
  setRule(bucket: string, rule: WireRule): Promise<void>;
  deleteRule(bucket: string): Promise<void>;
  /** How many `?encryption` requests reached `bucket` so far. */
  requestCount(bucket: string): number;
  stop(): Promise<void>;
}

/** The Aliyun dialect on the emulator; `others` are further key pairs it accepts. */
export async function emulatorTarget(
  name: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  others: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }> = [],
): Promise<Target & { emulator: OssEmulator }> {
  const emulator = new OssEmulator([credentials, ...others]);
  const url = await emulator.start();
  return {
    name,
    emulator,
    cloud: "aliyun",
    region: "cn-hangzhou",
    endpoint: url,
    otherEndpoint: url.replace("127.0.0.1", "localhost"),
    ...credentials,
    kmsKeys: ["9468da86-3509-4f8d-a61e-6eab1eac0001", "9468da86-3509-4f8d-a61e-6eab1eac0002"],
    kmsWire: "KMS",
    createBucket: (bucket) => Promise.resolve(emulator.createBucket(bucket)),
    rule: (bucket) => Promise.resolve(emulator.buckets.get(bucket)?.rule),
    setRule: (bucket, rule) => Promise.resolve(emulator.setRule(bucket, rule)),
    deleteRule: (bucket) => Promise.resolve(emulator.setRule(bucket, undefined)),
    requestCount: (bucket) => emulator.requestsTo(bucket).length,
    stop: () => emulator.stop(),
  };
}

/** The JD Cloud (S3) dialect on MinIO, behind a counting proxy. */
export async function minioTarget(binary: string): Promise<Target & { minio: MinioServer; proxy: FaultProxy }> {
  const minio = await startMinio(binary);
  const proxy = new FaultProxy(minio.url);
  const url = await proxy.start();
  const oracle = new S3Oracle(minio);
  return {
    name: "jdcloud on MinIO",
    minio,
    proxy,
    cloud: "jdcloud",
    region: minio.region,
    endpoint: url,
    otherEndpoint: url.replace("127.0.0.1", "localhost"),
    accessKeyId: minio.accessKeyId,
    secretAccessKey: minio.secretAccessKey,
    // MinIO knows one key, and accepts it also as an ARN: two different values for an update.
    kmsKeys: [minio.kmsKeyName, `arn:aws:kms:${minio.kmsKeyName}`],
    kmsWire: "aws:kms",
    createBucket: (bucket) => oracle.createBucket(bucket),
    rule: async (bucket) => {
      const rule = await oracle.rule(bucket);
      return rule === undefined ? undefined : { SSEAlgorithm: rule.SSEAlgorithm ?? "", ...(rule.KMSMasterKeyID ? { KMSMasterKeyID: rule.KMSMasterKeyID } : {}) };
    },
    setRule: (bucket, rule) => oracle.setRule(bucket, { SSEAlgorithm: rule.SSEAlgorithm as "AES256" | "aws:kms", ...(rule.KMSMasterKeyID ? { KMSMasterKeyID: rule.KMSMasterKeyID } : {}) }),
    deleteRule: (bucket) => oracle.deleteRule(bucket),
    requestCount: (bucket) => proxy.requestsTo(bucket).length,
    async stop() {
      oracle.close();
      await proxy.stop();
      await minio.stop();
    },
  };
}
