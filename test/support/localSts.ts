import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { REPO_ROOT } from "./tools";

/** The loopback TLS certificate and key (test/fixtures); trust it with NODE_EXTRA_CA_CERTS. */
export const LOOPBACK_TLS = {
  cert: path.join(REPO_ROOT, "test", "fixtures", "loopback-tls.crt"),
  key: path.join(REPO_ROOT, "test", "fixtures", "loopback-tls.key"),
};

/** Temporary credentials this STS issued; the OSS emulator accepts exactly these. */
export interface IssuedStsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly securityToken: string;
  readonly expiresAt: number;
  readonly roleArn: string;
}

/** One call the STS answered, for tests to count (never holds a secret). */
export interface StsCall {
  readonly action: string;
  readonly status: number;
  readonly code?: string;
  readonly roleArn?: string;
  readonly caller?: string;
}

/** What the STS trusts. */
export interface LocalStsOptions {
  /** Long-lived key pairs allowed to call AssumeRole. */
  readonly keys?: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }>;
  /** Roles that may be assumed, with the external id each one requires. */
  readonly roles: ReadonlyArray<{ roleArn: string; externalId?: string }>;
  /** OIDC providers and the tokens each accepts (a real IdP verifies a JWT; a set of strings is enough here). */
  readonly oidc?: ReadonlyArray<{ providerArn: string; tokens: ReadonlySet<string> }>;
  /** Another issuer whose temporary credentials may call AssumeRole (the ECS metadata service's). */
  readonly trust?: { lookup(accessKeyId: string): IssuedStsCredentials | undefined };
  /** Lifetime of issued credentials, whatever DurationSeconds asks: lets a test outlive them. */
  readonly lifetimeMs: number;
}

const SKEW_LIMIT_MS = 15 * 60 * 1000;

// RFC 3986 encoding as Alibaba Cloud's RPC signature (v1.0) specifies it.
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The RPC string to sign: `<METHOD>&%2F&<encoded sorted query>`, all parameters but Signature. */
export function rpcStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? "")}`)
    .join("&");
  return `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
}

/**
 * A local Security Token Service answering `AssumeRole` (RPC signature v1.0, HMAC-SHA1, verified)
 * and `AssumeRoleWithOIDC` (unsigned; the token is checked against the provider's accepted set)
 * as Alibaba Cloud documents them: POST over https, parameters in the query and the form body,
 * JSON answers, and the documented error codes and statuses. It serves https because the
 * official credentials library only calls STS over https.
 */
export class LocalSts {
  readonly calls: StsCall[] = [];
  readonly issued = new Map<string, IssuedStsCredentials>();
  now: () => number = () => Date.now();
  private readonly nonces = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly server: https.Server;

  constructor(private readonly options: LocalStsOptions) {
    this.server = https.createServer({ cert: readFileSync(LOOPBACK_TLS.cert), key: readFileSync(LOOPBACK_TLS.key) }, (req, res) => void this.handle(req, res));
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Starts on a free port of 127.0.0.1; returns `127.0.0.1:<port>` (the form `stsEndpoint` takes). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.endpoint;
  }

  /** `127.0.0.1:<port>`. */
  get endpoint(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops, closing open connections. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Calls of one action that succeeded. */
  successes(action: string): number {
    return this.calls.filter((c) => c.action === action && c.status === 200).length;
  }

  /** The credentials issued under `accessKeyId`, if any (what the OSS emulator trusts). */
  lookup(accessKeyId: string): IssuedStsCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "https://sts");
    const params: Record<string, string> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) params[k] = v;
    const requestId = randomBytes(16).toString("hex").toUpperCase();
    const action = params["Action"] ?? "";
    const answer = (status: number, body: Record<string, unknown>, extra: Partial<StsCall> = {}) => {
      const code = typeof body["Code"] === "string" ? body["Code"] : undefined;
      this.calls.push({ action, status, ...(code !== undefined ? { code } : {}), ...extra });
      const text = JSON.stringify({ RequestId: requestId, ...body });
      res.writeHead(status, { "Content-Type": "application/json;charset=utf-8", "Content-Length": String(Buffer.byteLength(text)) });
      res.end(text);
    };
    if (req.method !== "POST" || params["Version"] !== "2015-04-01") {
      answer(400, { Code: "InvalidVersion", Message: "Specified parameter Version is not valid." });
      return;
    }
    if (action === "AssumeRole") this.assumeRole(params, answer);
    else if (action === "AssumeRoleWithOIDC") this.assumeRoleWithOidc(params, answer);
    else answer(404, { Code: "InvalidAction.NotFound", Message: "Specified api is not found, please check your url and method." });
  }

  private assumeRole(params: Record<string, string>, answer: (status: number, body: Record<string, unknown>, extra?: Partial<StsCall>) => void): void {
    const caller = params["AccessKeyId"] ?? "";
    const roleArn = params["RoleArn"] ?? "";
    const timestamp = Date.parse(params["Timestamp"] ?? "");
    if (Number.isNaN(timestamp) || Math.abs(this.now() - timestamp) > SKEW_LIMIT_MS) {
      answer(400, { Code: "InvalidTimeStamp.Expired", Message: "Specified time stamp or date value is expired." }, { caller });
      return;
    }
    const nonce = params["SignatureNonce"] ?? "";
    if (nonce === "" || this.nonces.has(nonce)) {
      answer(400, { Code: "SignatureNonceUsed", Message: "Specified signature nonce was used already." }, { caller });
      return;
    }
    this.nonces.add(nonce);
    // The caller is a long-lived key or credentials this STS issued (chained role assumption).
    const longLived = this.options.keys?.find((k) => k.accessKeyId === caller);
    const issued = this.issued.get(caller) ?? this.options.trust?.lookup(caller);
    const secret = longLived?.secretAccessKey ?? issued?.secretAccessKey;
    if (secret === undefined) {
      answer(404, { Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found." }, { caller });
      return;
    }
    if (issued !== undefined) {
      if (params["SecurityToken"] !== issued.securityToken) {
        answer(400, { Code: "InvalidSecurityToken.MismatchWithAccessKey", Message: "Specified SecurityToken mismatch with the AccessKey." }, { caller });
        return;
      }
      if (this.now() >= issued.expiresAt) {
        answer(400, { Code: "InvalidSecurityToken.Expired", Message: "Specified SecurityToken is expired." }, { caller });
        return;
      }
    }
    if (params["SignatureMethod"] !== "HMAC-SHA1" || params["SignatureVersion"] !== "1.0") {
      answer(400, { Code: "InvalidParameter.SignatureMethod", Message: "Specified signature method is not valid." }, { caller });
      return;
    }
    const stringToSign = rpcStringToSign("POST", params);
    const expected = createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
    if (params["Signature"] !== expected) {
      // The service echoes its string to sign (without it, the library cannot tell a wrong secret).
      answer(400, { Code: "SignatureDoesNotMatch", Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}` }, { caller });
      return;
    }
    const role = this.options.roles.find((r) => r.roleArn === roleArn);
    if (role === undefined) {
      answer(404, { Code: "EntityNotExist.Role", Message: "The role not exists: " + roleArn }, { caller, roleArn });
      return;
    }
    if (role.externalId !== undefined && params["ExternalId"] !== role.externalId) {
      answer(403, { Code: "NoPermission", Message: "You are not authorized to do this action. You should be authorized by RAM." }, { caller, roleArn });
      return;
    }
    answer(200, this.issue(roleArn, params["RoleSessionName"] ?? ""), { caller, roleArn });
  }

  private assumeRoleWithOidc(params: Record<string, string>, answer: (status: number, body: Record<string, unknown>, extra?: Partial<StsCall>) => void): void {
    const roleArn = params["RoleArn"] ?? "";
    const provider = this.options.oidc?.find((p) => p.providerArn === params["OIDCProviderArn"]);
    if (provider === undefined) {
      answer(401, { Code: "AuthenticationFail.NoPermission", Message: "No such OIDC Provider registered." }, { roleArn });
      return;
    }
    const token = (params["OIDCToken"] ?? "").trim();
    if (token === "") {
      answer(401, { Code: "AuthenticationFail.OIDCToken.Invalid", Message: "The OIDCToken can not empty." }, { roleArn });
      return;
    }
    if (!provider.tokens.has(token)) {
      answer(401, { Code: "AuthenticationFail.OIDCToken.InvalidSignature", Message: "OIDC token validate failed: invalid signature." }, { roleArn });
      return;
    }
    if (!this.options.roles.some((r) => r.roleArn === roleArn)) {
      answer(404, { Code: "EntityNotExist.Role", Message: "The role not exists: " + roleArn }, { roleArn });
      return;
    }
    answer(200, this.issue(roleArn, params["RoleSessionName"] ?? ""), { roleArn });
  }

  private issue(roleArn: string, sessionName: string): Record<string, unknown> {
    const issued: IssuedStsCredentials = {
      accessKeyId: `STS.${randomBytes(12).toString("hex")}`,
      secretAccessKey: randomBytes(24).toString("base64url"),
      securityToken: `CAIS${randomBytes(48).toString("base64url")}`,
      // Whole seconds, as the service's ISO 8601 Expiration carries.
      expiresAt: Math.floor((this.now() + this.options.lifetimeMs) / 1000) * 1000,
      roleArn,
    };
    this.issued.set(issued.accessKeyId, issued);
    return {
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        AccessKeySecret: issued.secretAccessKey,
        SecurityToken: issued.securityToken,
        Expiration: new Date(issued.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      },
      AssumedRoleUser: { Arn: `${roleArn.replace(":role/", ":assumed-role/")}/${sessionName}`, AssumedRoleId: `3${randomBytes(8).toString("hex")}:${sessionName}` },
    };
  }
}
