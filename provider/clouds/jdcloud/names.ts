import type { IdentityRules } from "../cloudModule";

// A section name of the `jdc` CLI's INI file: no whitespace, path separators or brackets.
const PROFILE_NAME = /^[^\s/\\[\]"]{1,64}$/;

/** Why `name` cannot be a profile of `~/.jdc/config`, or undefined when it can. */
export function jdcProfileNameProblem(name: string): string | undefined {
  return PROFILE_NAME.test(name) ? undefined : "must be a profile name: 1-64 characters without spaces, slashes, brackets or quotes";
}

// JD Cloud has no role assumption (no STS found in its documents): every role setting is refused.
const NO_ROLES = "is not available on JD Cloud, which has no role assumption; name a jdc profile with the profile input instead";

/** The identity inputs a resource may name on JD Cloud: a `jdc` profile only. */
export const jdcloudIdentityRules: IdentityRules = {
  profileNameProblem: jdcProfileNameProblem,
  roleArnProblem: () => NO_ROLES,
  roleSessionNameProblem: () => NO_ROLES,
  externalIdProblem: () => NO_ROLES,
};
