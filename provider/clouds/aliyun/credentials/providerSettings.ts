import type { ProviderSetting } from "../../../credentials/providerSettings";
import { ALIYUN_CONFIG } from "./conventions";
import { OIDC_FIELDS } from "./oidc";

const DURATION = "The session's lifetime in seconds (900 to 43200).";

/**
 * Alibaba Cloud's settings in the provider plugin's `aliyun` object: the keys the dynamic resource
 * reads from stack config under `alicloud:`, with the same meaning and precedence (see the cloud's
 * credential chain).
 */
export const ALIYUN_PROVIDER_SETTINGS: readonly ProviderSetting[] = [
  { name: "accessKey", key: ALIYUN_CONFIG.keys.id, secret: true, description: "The AccessKey ID; with `secretKey`." },
  { name: "secretKey", key: ALIYUN_CONFIG.keys.secret, secret: true, description: "The AccessKey secret." },
  { name: "securityToken", key: ALIYUN_CONFIG.keys.token, secret: true, description: "An STS security token, with temporary keys." },
  {
    name: "assumeRoleWithOidc",
    key: ALIYUN_CONFIG.assumeRoleWithOidc,
    secret: false,
    description: "Assume a RAM role with an OIDC token read from a file (GitHub Actions, ACK RRSA): the base identity.",
    fields: OIDC_FIELDS.map((name) => ({
      name,
      type: name === "sessionExpiration" ? ("integer" as const) : ("string" as const),
      description: {
        roleArn: "The RAM role to assume (`acs:ram::<account>:role/<name>`).",
        oidcProviderArn: "The OIDC identity provider (`acs:ram::<account>:oidc-provider/<name>`).",
        oidcTokenFile: "The file holding the OIDC token; it must exist when the program runs.",
        roleSessionName: "The session name (default `pulumi-bucket-encryption`).",
        sessionExpiration: DURATION,
        policy: "A policy that narrows the session's permissions (JSON).",
      }[name],
    })),
  },
  { name: "profile", key: ALIYUN_CONFIG.profile, secret: false, description: "A profile of the Alibaba Cloud CLI (`~/.aliyun/config.json`)." },
  { name: "ecsRoleName", key: ALIYUN_CONFIG.ecsRoleName, secret: false, description: "The ECS instance's RAM role, read from the metadata service (hardened mode)." },
  { name: "credentialsUri", key: ALIYUN_CONFIG.credentialsUri, secret: true, description: "A URL that answers with temporary credentials (it may carry a token in its query)." },
  {
    name: "assumeRole",
    key: ALIYUN_CONFIG.assumeRole,
    secret: false,
    description: "Assume a RAM role with whichever base identity was found (pulumi-alicloud's fields).",
    fields: [
      { name: "roleArn", type: "string", description: "The RAM role to assume (`acs:ram::<account>:role/<name>`)." },
      { name: "sessionName", type: "string", description: "The session name (default `pulumi-bucket-encryption`)." },
      { name: "sessionExpiration", type: "integer", description: DURATION },
      { name: "externalId", type: "string", description: "The external id the role's trust policy requires." },
      { name: "policy", type: "string", description: "A policy that narrows the session's permissions (JSON)." },
    ],
  },
  { name: "stsEndpoint", key: ALIYUN_CONFIG.stsEndpoint, secret: false, description: "The STS endpoint, `host[:port]` (https; default `sts.aliyuncs.com`)." },
];
