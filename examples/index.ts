import * as pulumi from "@pulumi/pulumi";
import { BucketEncryption } from "pulumi-bucket-encryption";

// Two buckets, two clouds, one vocabulary. With no endpoint configured this targets the real
// clouds (credentials from `pulumi config set --secret jdcloud:secretKey …` / `alicloud:secretKey`,
// or the environment); `npm start` points it at local servers instead.
const config = new pulumi.Config();

const backups = new BucketEncryption("backups", {
  cloud: "jdcloud",
  region: config.get("jdcloudRegion") ?? "cn-north-1",
  bucket: config.get("jdcloudBucket") ?? "acme-backups",
  sseAlgorithm: "KMS",
  kmsMasterKeyId: config.get("jdcloudKmsKeyId"),
  endpoint: config.get("jdcloudEndpoint"),
});

const logs = new BucketEncryption("logs", {
  cloud: "aliyun",
  region: config.get("aliyunRegion") ?? "cn-hangzhou",
  bucket: config.get("aliyunBucket") ?? "acme-logs",
  sseAlgorithm: "KMS",
  kmsMasterKeyId: config.get("aliyunKmsKeyId"),
  endpoint: config.get("aliyunEndpoint"),
});

export const backupsRule = { id: backups.id, sseAlgorithm: backups.sseAlgorithm, kmsMasterKeyId: backups.kmsMasterKeyId };
export const logsRule = { id: logs.id, sseAlgorithm: logs.sseAlgorithm, kmsMasterKeyId: logs.kmsMasterKeyId };
