import * as pulumi from "@pulumi/pulumi";
import { bucketEncryptionProvider } from "./serializedProvider";
import type { KmsDataEncryption, SignatureVersion } from "../dialects/oss/constants";
import { DYNAMIC_MODULE, RESOURCE_NAME } from "../model/resourceTypes";
import type { Cloud } from "../model/types";

/**
 * The inputs of a BucketEncryption resource. Credentials are never inputs (see the README); a
 * resource may only name which identity signs (`profile`, `roleArn`), which is not a secret.
 */
export interface BucketEncryptionArgs {
  /** `jdcloud` (S3 dialect, AWS Signature V4) or `aliyun` (OSS dialect, OSS4-HMAC-SHA256). Changing it replaces. */
  readonly cloud: pulumi.Input<Cloud>;
  /** Region id: `cn-north-1` on JD Cloud; `cn-hangzhou` (or `oss-cn-hangzhou`) on Aliyun. Changing it replaces. */
  readonly region: pulumi.Input<string>;
  /** The bucket, which must exist. Changing it replaces. */
  readonly bucket: pulumi.Input<string>;
  /** `KMS`, `AES256` or `SM4` (JD Cloud: KMS only; `aws:kms` is accepted for KMS). */
  readonly sseAlgorithm: pulumi.Input<"KMS" | "AES256" | "SM4" | "aws:kms">;
  /** The KMS key; only with `KMS`. Without it the cloud's service key is used. */
  readonly kmsMasterKeyId?: pulumi.Input<string> | undefined;
  /** Aliyun with `KMS` only: encrypt data with SM4. */
  readonly kmsDataEncryption?: pulumi.Input<KmsDataEncryption> | undefined;
  /**
   * A base URL replacing the cloud's public endpoint (internal endpoint, proxy, custom domain,
   * local server). https is required except for loopback addresses. Changing it never deletes the rule.
   */
  readonly endpoint?: pulumi.Input<string> | undefined;
  /** Aliyun only: `v4` (default) or `v1`. Changing it never deletes the rule. */
  readonly signatureVersion?: pulumi.Input<SignatureVersion> | undefined;
  /**
   * Sign as this profile of the cloud's CLI (`~/.aliyun/config.json`; `~/.jdc/config`) instead of
   * the stack's default identity. A name, not a secret. Changing it updates in place.
   */
  readonly profile?: pulumi.Input<string> | undefined;
  /**
   * Aliyun: assume this RAM role (`acs:ram::<account>:role/<name>`) with the base identity,
   * instead of the stack's `alicloud:assumeRole`. Changing it updates in place.
   */
  readonly roleArn?: pulumi.Input<string> | undefined;
  /** The session name of the role assumption (default `pulumi-bucket-encryption`). */
  readonly roleSessionName?: pulumi.Input<string> | undefined;
  /** The external id the role's trust policy requires. */
  readonly externalId?: pulumi.Input<string> | undefined;
}

/**
 * A bucket's default server-side encryption rule on JD Cloud OSS or Alibaba Cloud OSS.
 *
 * `pulumi up` sets the rule (adopting one that exists), `pulumi refresh` reads the live rule,
 * `pulumi destroy` removes it. The id is `<cloud>:<region>:<bucket>`.
 */
export class BucketEncryption extends pulumi.dynamic.Resource {
  /** The cloud, as given. */
  declare readonly cloud: pulumi.Output<Cloud>;
  /** The plain region id (`oss-` prefix removed). */
  declare readonly region: pulumi.Output<string>;
  /** The bucket. */
  declare readonly bucket: pulumi.Output<string>;
  /** The algorithm in the shared vocabulary (`aws:kms` becomes `KMS`). */
  declare readonly sseAlgorithm: pulumi.Output<"KMS" | "AES256" | "SM4">;
  /** The KMS key id, if one is set. */
  declare readonly kmsMasterKeyId: pulumi.Output<string | undefined>;
  /** Aliyun's KMS data encryption, if set. */
  declare readonly kmsDataEncryption: pulumi.Output<KmsDataEncryption | undefined>;
  /** The endpoint override, as `scheme://host[:port]`, if set. */
  declare readonly endpoint: pulumi.Output<string | undefined>;
  /** Aliyun's signature version (`v4` unless set to `v1`). */
  declare readonly signatureVersion: pulumi.Output<SignatureVersion | undefined>;
  /** The profile this resource signs with, if it names one. */
  declare readonly profile: pulumi.Output<string | undefined>;
  /** The role this resource assumes, if it names one. */
  declare readonly roleArn: pulumi.Output<string | undefined>;
  /** The session name of that role assumption, if set. */
  declare readonly roleSessionName: pulumi.Output<string | undefined>;
  /** The external id of that role assumption, if set. */
  declare readonly externalId: pulumi.Output<string | undefined>;

  constructor(name: string, args: BucketEncryptionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      cloud: undefined,
      region: undefined,
      bucket: undefined,
      sseAlgorithm: undefined,
      kmsMasterKeyId: undefined,
      kmsDataEncryption: undefined,
      endpoint: undefined,
      signatureVersion: undefined,
      profile: undefined,
      roleArn: undefined,
      roleSessionName: undefined,
      externalId: undefined,
    };
    super(bucketEncryptionProvider, name, { ...outputs, ...args }, opts, DYNAMIC_MODULE, RESOURCE_NAME);
  }
}
