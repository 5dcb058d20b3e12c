import {
  CreateBucketCommand,
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  PutBucketEncryptionCommand,
  S3Client,
  type ServerSideEncryptionByDefault,
} from "@aws-sdk/client-s3";
import https from "node:https";
import type { MinioServer } from "./minio";

// The AWS SDK is a development-only client here; its notice about future Node versions is noise.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

/**
 * MinIO seen through the official AWS SDK: an independent client to create buckets, change
 * rules out-of-band and read the truth, so that tests never judge our client with itself.
 */
export class S3Oracle {
  readonly client: S3Client;

  constructor(server: MinioServer) {
    this.client = new S3Client({
      endpoint: server.url,
      region: server.region,
      forcePathStyle: true,
      ...(server.ca !== undefined ? { requestHandler: { httpsAgent: new https.Agent({ ca: server.ca }) } } : {}),
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    });
  }

  async createBucket(bucket: string): Promise<void> {
    await this.client.send(new CreateBucketCommand({ Bucket: bucket }));
  }

  /** The live rule, or undefined when the bucket has none. */
  async rule(bucket: string): Promise<ServerSideEncryptionByDefault | undefined> {
    try {
      const out = await this.client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
      return out.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
    } catch (error) {
      if ((error as { name?: string }).name === "ServerSideEncryptionConfigurationNotFoundError") return undefined;
      throw error;
    }
  }

  async setRule(bucket: string, rule: ServerSideEncryptionByDefault): Promise<void> {
    await this.client.send(
      new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: rule }] } }),
    );
  }

  async deleteRule(bucket: string): Promise<void> {
    await this.client.send(new DeleteBucketEncryptionCommand({ Bucket: bucket }));
  }

  close(): void {
    this.client.destroy();
  }
}
