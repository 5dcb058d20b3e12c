import type { Cloud } from "../model/types";

/** No access key is configured for a cloud. The message names both ways to provide one. */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
  readonly cloud: Cloud;

  constructor(cloud: Cloud, configKeys: readonly string[], envKeys: readonly string[]) {
    super(
      `no ${cloud} credentials: set the stack config ${configKeys.join(" and ")} ` +
        `(e.g. pulumi config set --secret ${configKeys[1] ?? configKeys[0]} …) or the environment variables ${envKeys.join(" and ")}`,
    );
    this.cloud = cloud;
  }
}
