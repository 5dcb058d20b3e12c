import type { CloudModule } from "../cloudModule";

/** Stack config keys under `jdcloud:`, then the JD Cloud SDK's and the lego DNS plugin's environment names. */
export const JDCLOUD_CREDENTIALS: CloudModule["credentialConventions"] = {
  config: { id: "jdcloud:accessKey", secret: "jdcloud:secretKey", token: "jdcloud:securityToken" },
  environment: [
    { id: "JDCLOUD_ACCESS_KEY", secret: "JDCLOUD_SECRET_KEY", token: "JDCLOUD_SESSION_TOKEN" },
    { id: "JDCLOUD_ACCESS_KEY_ID", secret: "JDCLOUD_ACCESS_KEY_SECRET" },
  ],
};
