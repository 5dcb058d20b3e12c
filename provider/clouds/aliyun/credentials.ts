import type { CloudModule } from "../cloudModule";

/**
 * Stack config keys of the established alicloud providers, then the environment conventions in
 * order of preference: the Alibaba Cloud CLI and SDKs, Terraform/Pulumi, the OSS SDKs.
 */
export const ALIYUN_CREDENTIALS: CloudModule["credentialConventions"] = {
  config: { id: "alicloud:accessKey", secret: "alicloud:secretKey", token: "alicloud:securityToken" },
  environment: [
    { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", token: "ALIBABA_CLOUD_SECURITY_TOKEN" },
    { id: "ALICLOUD_ACCESS_KEY", secret: "ALICLOUD_SECRET_KEY", token: "ALICLOUD_SECURITY_TOKEN" },
    { id: "OSS_ACCESS_KEY_ID", secret: "OSS_ACCESS_KEY_SECRET", token: "OSS_SESSION_TOKEN" },
  ],
};
