import * as pulumi from "@pulumi/pulumi";
import * as bucketEncryption from "@pulumi-bucket-encryption/bucket-encryption";

// A bucket's default encryption with the bucket-encryption provider plugin. The SDK imported above
// is the one `pulumi package add bucket-encryption` generates into sdks/ and adds to package.json.
//
// The provider's credentials and endpoint are stack config, one object per cloud, keys as secrets:
//   pulumi config set --secret --path bucket-encryption:aliyun.accessKey <AccessKey ID>
//   pulumi config set --secret --path bucket-encryption:aliyun.secretKey <AccessKey secret>
// and this program's own settings:
//   pulumi config set bucket acme-logs
//   pulumi config set kmsKeyId <KMS key id>
const config = new pulumi.Config();

const logs = new bucketEncryption.BucketEncryption("logs-encryption", {
  cloud: config.get<bucketEncryption.Cloud>("cloud") ?? bucketEncryption.Cloud.Aliyun,
  region: config.get("region") ?? "cn-hangzhou",
  bucket: config.require("bucket"),
  sseAlgorithm: bucketEncryption.SseAlgorithm.KMS,
  kmsMasterKeyId: config.require("kmsKeyId"),
});

export const ruleId = logs.id;
export const sseAlgorithm = logs.sseAlgorithm;
