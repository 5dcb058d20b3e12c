import * as pulumi from "@pulumi/pulumi";
import { BucketEncryption } from "pulumi-bucket-encryption";

// Buckets in two Alibaba Cloud accounts from one program. Each resource names its identity with
// inputs that are addresses, not secrets: a profile of the Alibaba Cloud CLI
// (`aliyun configure --profile production`), or a RAM role in the other account that the stack's
// default identity may assume. In CI, the stack's default identity is usually OIDC
// (`alicloud:assumeRoleWithOidc`, or the ALIBABA_CLOUD_* variables a GitHub Actions job exports),
// and each account is a role:
//
//   pulumi config set stagingRoleArn acs:ram::<staging account>:role/deployer
//   pulumi config set productionRoleArn acs:ram::<production account>:role/deployer
//
// On a workstation, profiles (the default below) are simpler. Changing a resource's profile or
// role later updates it in place: the rule is never deleted.
const config = new pulumi.Config();

interface Account {
  readonly name: string;
  readonly buckets: string[];
  readonly identity: { profile: string } | { roleArn: string; roleSessionName: string };
}

function account(name: string, defaultBuckets: string[]): Account {
  const roleArn = config.get(`${name}RoleArn`);
  return {
    name,
    buckets: config.getObject<string[]>(`${name}Buckets`) ?? defaultBuckets,
    identity: roleArn !== undefined ? { roleArn, roleSessionName: `pulumi-${name}` } : { profile: config.get(`${name}Profile`) ?? name },
  };
}

const accounts = [account("production", ["acme-prod-logs", "acme-prod-data"]), account("staging", ["acme-staging-logs"])];

export const rules: Record<string, pulumi.Output<string>> = {};
for (const { name, buckets, identity } of accounts) {
  for (const bucket of buckets) {
    const rule = new BucketEncryption(`${name}-${bucket}`, {
      cloud: "aliyun",
      region: config.get("region") ?? "cn-hangzhou",
      bucket,
      sseAlgorithm: "KMS",
      endpoint: config.get("endpoint"),
      ...identity,
    });
    rules[`${name}/${bucket}`] = rule.id;
  }
}
