import type { CredentialConvention } from "../../../credentials/staticConventions";

/** Stack config keys, as pulumi-alicloud names them (`alicloud:stsEndpoint` is this package's own). */
export const ALIYUN_CONFIG = {
  keys: { id: "alicloud:accessKey", secret: "alicloud:secretKey", token: "alicloud:securityToken" },
  assumeRole: "alicloud:assumeRole",
  assumeRoleWithOidc: "alicloud:assumeRoleWithOidc",
  profile: "alicloud:profile",
  ecsRoleName: "alicloud:ecsRoleName",
  credentialsUri: "alicloud:credentialsUri",
  stsEndpoint: "alicloud:stsEndpoint",
  endpoints: "alicloud:endpoints",
} as const;

/**
 * Key pairs: the stack config keys of the established alicloud providers, then the environment
 * conventions in order: the Alibaba Cloud CLI and SDKs, Terraform/Pulumi, the OSS SDKs.
 */
export const ALIYUN_CREDENTIALS: { readonly config: CredentialConvention; readonly environment: readonly CredentialConvention[] } = {
  config: ALIYUN_CONFIG.keys,
  environment: [
    { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token: "ALIBABA_CLOUD_SECURITY_TOKEN" },
    { id: "ALICLOUD_ACCESS_KEY", secret: "ALICLOUD_SECRET_KEY", token: "ALICLOUD_SECURITY_TOKEN" },
    { id: "OSS_ACCESS_KEY_ID", secret: "OSS_ACCESS_KEY_SECRET", token: "OSS_SESSION_TOKEN" },
  ],
};

/** The variables of `@alicloud/credentials`'s chain beyond key pairs. */
export const ALIYUN_ENV = {
  roleArn: "ALIBABA_CLOUD_ROLE_ARN",
  oidcProviderArn: "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
  oidcTokenFile: "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
  roleSessionName: "ALIBABA_CLOUD_ROLE_SESSION_NAME",
  profile: "ALIBABA_CLOUD_PROFILE",
  cliProfileDisabled: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
  credentialsFile: "ALIBABA_CLOUD_CREDENTIALS_FILE",
  ecsMetadata: "ALIBABA_CLOUD_ECS_METADATA",
  imdsV1Disabled: "ALIBABA_CLOUD_IMDSV1_DISABLED",
  credentialsUri: "ALIBABA_CLOUD_CREDENTIALS_URI",
} as const;

/** STS accepts 900 s up to the role's maximum session duration (at most 12 hours). */
export const SESSION_DURATION_SECONDS = [900, 43_200] as const;

/** The session name used when none is configured: it appears in the cloud's audit trail. */
export const DEFAULT_SESSION_NAME = "pulumi-bucket-encryption";
