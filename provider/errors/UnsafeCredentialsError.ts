import type { Cloud } from "../model/types";

/**
 * Credentials that cannot be sent (see credentialHeaderProblem): refused once, before any
 * request, naming where they came from and never their value. Retrying cannot help.
 */
export class UnsafeCredentialsError extends Error {
  override readonly name = "UnsafeCredentialsError";
  readonly cloud: Cloud;

  constructor(cloud: Cloud, problem: string) {
    super(`${cloud} credentials refused before any request: ${problem}. Next: set that value again, on one line and without that character, where it came from (pulumi config set --secret <key>, or the environment variable)`);
    this.cloud = cloud;
  }
}
