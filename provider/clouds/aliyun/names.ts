import type { IdentityRules } from "../cloudModule";

/**
 * The shapes of Alibaba Cloud RAM names, written once: the resource's identity inputs and the
 * stack's credential settings are checked against the same rules (RAM's documented limits).
 */
export const RAM_NAMES = {
  roleArn: { pattern: /^acs:ram::\d+:role\/[\w.@-]{1,64}$/, shape: "a RAM role ARN (acs:ram::<account>:role/<name>)" },
  oidcProviderArn: { pattern: /^acs:ram::\d+:oidc-provider\/[\w.@-]{1,128}$/, shape: "an OIDC provider ARN (acs:ram::<account>:oidc-provider/<name>)" },
  sessionName: { pattern: /^[\w.@-]{2,64}$/, shape: "2-64 letters, digits, . @ - _" },
  externalId: { pattern: /^[\w.@:/=,+-]{2,1224}$/, shape: "2-1224 letters, digits or . @ : / = , + - _" },
  ecsRoleName: { pattern: /^[\w.@-]{1,64}$/, shape: "a RAM role name" },
  // A key of the CLI's config.json: any name the CLI writes, but never a path or whitespace.
  profile: { pattern: /^[^\s/\\[\]"]{1,64}$/, shape: "a profile name: 1-64 characters without spaces, slashes, brackets or quotes" },
} as const;

/** One RAM name rule. */
export type RamName = keyof typeof RAM_NAMES;

/** Why `value` is not a valid `kind` of RAM name, or undefined when it is. */
export function ramNameProblem(kind: RamName, value: string): string | undefined {
  const rule = RAM_NAMES[kind];
  return rule.pattern.test(value) ? undefined : `must be ${rule.shape}`;
}

/** The identity inputs a resource may name on Alibaba Cloud: a CLI profile and a RAM role to assume. */
export const aliyunIdentityRules: IdentityRules = {
  profileNameProblem: (name) => ramNameProblem("profile", name),
  roleArnProblem: (arn) => ramNameProblem("roleArn", arn),
  roleSessionNameProblem: (name) => ramNameProblem("sessionName", name),
  externalIdProblem: (id) => ramNameProblem("externalId", id),
};
