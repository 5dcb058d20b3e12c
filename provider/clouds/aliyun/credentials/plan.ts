import type { Credentials } from "../../../model/types";

/** Role assumption with OIDC (a CI job's or an ACK pod's identity token, read from a file). */
export interface OidcPlan {
  readonly kind: "oidc";
  readonly name: string;
  readonly roleArn: string;
  readonly oidcProviderArn: string;
  readonly tokenFile: string;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
}

/** One base identity: where the first credentials come from. */
export type AliyunBasePlan =
  | { readonly kind: "static"; readonly name: string; readonly credentials: Credentials }
  | OidcPlan
  /** A profile of the CLI's `configFile` (`~/.aliyun/config.json`, which the library reads itself). */
  | { readonly kind: "cliProfile"; readonly name: string; readonly configFile: string; readonly profile?: string }
  /** A profile of the shared credentials `file` (which the library reads itself). */
  | { readonly kind: "sharedFile"; readonly name: string; readonly file: string; readonly profile?: string }
  | { readonly kind: "ecsRole"; readonly name: string; readonly roleName?: string; readonly hardened: boolean }
  | { readonly kind: "uri"; readonly name: string; readonly uri: string };

/** A role assumed with the base identity's credentials (`alicloud:assumeRole`, or a resource's `roleArn`). */
export interface AssumeRolePlan {
  readonly name: string;
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly externalId?: string;
  readonly policy?: string;
}

/** Everything needed to build the source, decided without any request. */
export interface AliyunCredentialPlan {
  readonly base: AliyunBasePlan;
  readonly assumeRole?: AssumeRolePlan;
  readonly stsEndpoint?: string;
}
