import { randomBytes } from "node:crypto";
import type http from "node:http";
import { isIP } from "node:net";
import type tls from "node:tls";
import { type ConnectionCounts, LoopbackServer } from "../support/loopbackServer";
import { answerWithFault, type Fault, FaultPlan } from "./faults";
import { type ListingQuirk, quirkyPage } from "./listingQuirks";
import { flattenHeaders, type ReceivedRequest, verifyOssSignature, verifyS3Signature } from "./verifySignature";

/** A stored rule, in the service's own words. */
export interface StoredRule {
  readonly SSEAlgorithm: string;
  readonly KMSMasterKeyID?: string;
  readonly KMSDataEncryption?: string;
}

/** One request the emulator received, for tests to count and inspect. */
export interface LoggedRequest extends ReceivedRequest {
  readonly dialect: "oss" | "s3";
  readonly status: number;
  readonly fault?: Fault["kind"];
}

const S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

// A response that goes nowhere, for requests whose reply is "lost".
const BLACK_HOLE = { writeHead: () => BLACK_HOLE, setHeader: () => BLACK_HOLE, end: () => BLACK_HOLE } as unknown as http.ServerResponse;
const OSS_ALGORITHMS = ["KMS", "AES256", "SM4"];
/** ListBuckets (GetService): `max-keys` defaults to 100 and may not exceed 1000 (Alibaba's document). */
const LIST_DEFAULT_MAX_KEYS = 100;
const LIST_MAX_KEYS = 1000;

/** A bucket as the emulator holds it. */
export interface StoredBucket {
  rule?: StoredRule;
  /** The plain region id ListBuckets reports. */
  readonly region: string;
  readonly created: Date;
  /** The account that owns the bucket: only its keys may call the encryption API (none: every key may). */
  readonly owner?: string;
}

/** A key pair the emulator accepts, optionally of a named account (buckets with an owner answer only their account's keys). */
export interface EmulatorKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly account?: string;
}

/** Temporary credentials an STS issued: what the emulator trusts in STS-only mode. */
export interface TrustedStsCredentials {
  readonly secretAccessKey: string;
  readonly securityToken: string;
  readonly expiresAt: number;
}

/** Options of the emulator. */
export interface OssEmulatorOptions {
  /**
   * STS-only mode: accept exactly the credentials this STS issued (looked up by access key id),
   * with their security token, until they expire; refuse every long-lived key. Without it the
   * emulator accepts the key pairs it was constructed with.
   */
  readonly sts?: { lookup(accessKeyId: string): TrustedStsCredentials | undefined };
  /** Holds every request this long before handling it (credentials are checked after the wait), as a remote service would. */
  readonly latencyMs?: number;
  /** A key and certificate: the emulator then serves https. */
  readonly tls?: tls.SecureContextOptions;
}

// The OSS codes for temporary credentials (error-code pages 0002-00000006 and 0002-00000007).
const STS_TOKEN_INVALID = { code: "InvalidSecurityToken", message: "The security token you provided is invalid.", ec: "0002-00000006" };
const STS_TOKEN_EXPIRED = { code: "SecurityTokenExpired", message: "The security token you provided has expired.", ec: "0002-00000007" };
const UNKNOWN_ACCESS_KEY = { code: "InvalidAccessKeyId", message: "The OSS Access Key Id you provided does not exist in our records.", ec: "0002-00000002" };

/** The access key id an OSS or S3 Authorization header names (V4 `Credential=<id>/…`, V1 `OSS <id>:…`). */
export function accessKeyIdOf(authorization: string): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? /^(?:OSS|AWS) ([^:]+):/.exec(authorization)?.[1];
}

/**
 * A local stand-in for Alibaba Cloud OSS's bucket-encryption API (and, for the demo, the S3
 * dialect): Put/Get/DeleteBucketEncryption, PutBucket and ListBuckets (GetService, with
 * `prefix`/`marker`/`max-keys` paging), with the documented status codes, XML and error bodies. Signatures are verified with the official ali-oss functions. Path-style and
 * virtual-hosted (`<bucket>.<host>`) addressing both work.
 */
export class OssEmulator {
  readonly buckets = new Map<string, StoredBucket>();
  /**
   * Buckets whose encryption calls the caller may not make: they answer 403 AccessDenied, as a
   * RAM policy denying `oss:GetBucketEncryption` on them would.
   */
  readonly denied = new Set<string>();
  /**
   * S3 dialect only: when set, ListBuckets answers at most this many buckets with a
   * `ContinuationToken` for the rest, as S3 does when it pages (JD Cloud documents no paging).
   */
  s3PageSize: number | undefined;
  /** When set, ListBuckets pages wrongly in this way (see ListingQuirk). */
  listingQuirk: ListingQuirk | undefined;
  /** Requests being handled now, and the most at once since the last reset (to check a client's bound). */
  inFlight = 0;
  peakInFlight = 0;
  /** Time each answer takes, as a remote service's would (0: answer at once); starts at the option's. */
  latencyMs: number;
  readonly log: LoggedRequest[] = [];
  readonly faults = new FaultPlan();
  /** Buckets whose every `?encryption` request is refused with 403 AccessDenied (a policy denying the caller). */
  readonly deniedBuckets = new Set<string>();
  private readonly secrets = new Map<string, string>();
  private readonly accounts = new Map<string, string>();
  private readonly server: LoopbackServer;
  /** The clock the emulator checks request times against (tests move it to create skew). */
  now: () => number = () => Date.now();

  /** With `tls` (a key and certificate) it serves https. */
  constructor(
    credentials: readonly EmulatorKey[],
    private readonly options: OssEmulatorOptions = {},
  ) {
    for (const c of credentials) this.addKey(c);
    this.latencyMs = options.latencyMs ?? 0;
    this.server = new LoopbackServer((req, res) => void this.handle(req, res), options.tls);
  }

  /** TCP connections and TLS handshakes so far. */
  get counts(): ConnectionCounts {
    return this.server.counts;
  }

  /**
   * The secrets a request may be verified against: the constructed key pairs, or in STS-only
   * mode the one STS credential the request names, once its token matches and has not expired.
   */
  private trustFor(headers: Readonly<Record<string, string>>, dialect: "oss" | "s3"): ReadonlyMap<string, string> | { code: string; message: string; ec: string } {
    const sts = this.options.sts;
    if (sts === undefined) return this.secrets;
    const id = accessKeyIdOf(headers["authorization"] ?? "");
    const issued = id !== undefined ? sts.lookup(id) : undefined;
    if (id === undefined || issued === undefined) return UNKNOWN_ACCESS_KEY;
    const token = headers[dialect === "s3" ? "x-amz-security-token" : "x-oss-security-token"];
    if (token !== issued.securityToken) return STS_TOKEN_INVALID;
    if (this.now() >= issued.expiresAt) return STS_TOKEN_EXPIRED;
    return new Map([[id, issued.secretAccessKey]]);
  }

  /** Accepts one more key pair from now on (a key issued to an account, for a rotation). */
  addKey(key: EmulatorKey): void {
    this.secrets.set(key.accessKeyId, key.secretAccessKey);
    if (key.account !== undefined) this.accounts.set(key.accessKeyId, key.account);
  }

  /** Refuses a key pair from now on, as a deleted AccessKey is refused (its signatures no longer verify). */
  revokeKey(accessKeyId: string): void {
    this.secrets.delete(accessKeyId);
    this.accounts.delete(accessKeyId);
  }

  /** Starts on a free port of 127.0.0.1 and returns the base URL. */
  start(): Promise<string> {
    return this.server.start();
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.server.url;
  }

  /** Stops, closing open connections (including ones a hang fault holds). */
  stop(): Promise<void> {
    return this.server.stop();
  }

  /**
   * Creates a bucket out-of-band (in `region`, which ListBuckets reports), owned by `owner` when
   * given: another account's keys then get 403 AccessDenied from its encryption API, as a bucket
   * of another Alibaba Cloud account answers without a bucket policy granting access.
   */
  createBucket(name: string, region = "cn-hangzhou", owner?: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, { region, created: new Date(this.now()), ...(owner !== undefined ? { owner } : {}) });
  }

  /** Sets or clears a bucket's rule out-of-band (drift). */
  setRule(bucket: string, rule: StoredRule | undefined): void {
    const entry = this.buckets.get(bucket);
    if (entry === undefined) throw new Error(`no bucket ${bucket}`);
    if (rule === undefined) delete entry.rule;
    else entry.rule = rule;
  }

  /** The requests to one bucket's `?encryption`. */
  requestsTo(bucket: string): LoggedRequest[] {
    return this.log.filter((r) => r.bucket === bucket && "encryption" in r.query);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    res.once("close", () => this.inFlight--);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const headers = flattenHeaders(req.headers);
    const url = new URL(req.url ?? "/", "http://emulator");
    const query: Record<string, string | null> = {};
    for (const part of url.search.replace(/^\?/, "").split("&").filter(Boolean)) {
      const [k = "", v] = part.split("=");
      // OSS canonicalises an empty value as the bare key: `?encryption=` and `?encryption` are one.
      query[decodeURIComponent(k)] = v === undefined || v === "" ? null : decodeURIComponent(v);
    }
    const hostName = (headers["host"] ?? "").replace(/:\d+$/, "");
    // An IP host never carries a bucket (127.0.0.1 is not bucket "127").
    const hostBucket = isIP(hostName.replace(/^\[|\]$/g, "")) !== 0 ? undefined : /^([a-z0-9-]+)\.[^:]*\./.exec(hostName)?.[1];
    const pathBucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    const bucket = url.pathname === "/" && hostBucket !== undefined ? hostBucket : (pathBucket ?? "");
    const dialect = (headers["authorization"] ?? "").startsWith("AWS4-") ? "s3" : "oss";
    const request: ReceivedRequest = { method: req.method ?? "GET", bucket, path: url.pathname, query, headers, body };
    const requestId = randomBytes(12).toString("hex").toUpperCase();
    const record = (status: number, fault?: Fault["kind"]) =>
      this.log.push({ ...request, dialect, status, ...(fault !== undefined ? { fault } : {}) });

    const fault = this.faults.next();
    if (fault !== undefined && fault.kind !== "lost-response") {
      // Logged before it happens: a hang must count while it hangs.
      record(fault.kind === "status" ? fault.status : 0, fault.kind);
      await answerWithFault(fault, res, {
        errorBody: (code, message) => errorXml(code, message, requestId, ""),
        ruleRoot: dialect === "s3" ? "ServerSideEncryptionConfiguration" : "ServerSideEncryptionRule",
        headers: dialect === "s3" ? { "x-amz-request-id": requestId } : { "x-oss-request-id": requestId, Server: "AliyunOSS" },
      });
      return;
    }
    // A lost reply: the request is carried out for real (signature checked, rule stored), but
    // the answer goes nowhere and the connection drops.
    const lost = fault?.kind === "lost-response";
    const out = lost ? BLACK_HOLE : res;
    const trust = this.trustFor(headers, dialect);
    if ("code" in trust) {
      record(this.sendError(out, dialect, requestId, 403, trust.code, trust.message, bucket, trust.ec), lost ? "lost-response" : undefined);
      if (lost) res.socket?.destroy();
      return;
    }
    const verified = dialect === "s3" ? await verifyS3Signature(request, trust, this.now()) : verifyOssSignature(request, trust, this.now());
    const status =
      "code" in verified
        ? this.sendError(out, dialect, requestId, verified.code === "XAmzContentSHA256Mismatch" ? 400 : 403, verified.code, verified.message, bucket)
        : this.route(request, dialect, requestId, out);
    record(status, lost ? "lost-response" : undefined);
    if (lost) res.socket?.destroy();
  }

  private route(request: ReceivedRequest, dialect: "oss" | "s3", requestId: string, res: http.ServerResponse): number {
    const { method, bucket, query, body } = request;
    if (!("encryption" in query)) {
      if (method === "GET" && bucket === "" && request.path === "/") return this.listBuckets(res, dialect, requestId, query);
      if (method === "PUT" && bucket !== "") {
        this.createBucket(bucket);
        return this.send(res, dialect, requestId, 200, "");
      }
      return this.sendError(res, dialect, requestId, 400, "InvalidRequest", "Only PutBucket, ListBuckets and the encryption subresource are emulated.", bucket);
    }
    if (this.deniedBuckets.has(bucket)) {
      return this.sendError(res, dialect, requestId, 403, "AccessDenied", "You have no right to access this bucket.", bucket);
    }
    const entry = this.buckets.get(bucket);
    if (entry === undefined) {
      return this.sendError(res, dialect, requestId, 404, "NoSuchBucket", "The specified bucket does not exist.", bucket, "0015-00000101");
    }
    if (entry.owner !== undefined && this.accounts.get(accessKeyIdOf(request.headers["authorization"] ?? "") ?? "") !== entry.owner) {
      return this.sendError(res, dialect, requestId, 403, "AccessDenied", "The bucket you access does not belong to you.", bucket, "0003-00000001");
    }
    if (this.denied.has(bucket)) {
      return this.sendError(res, dialect, requestId, 403, "AccessDenied", "You have no right to access this object because of bucket acl.", bucket, "0003-00000001");
    }
    if (method === "GET") {
      if (entry.rule === undefined) {
        return dialect === "s3"
          ? this.sendError(res, dialect, requestId, 404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", bucket)
          : this.sendError(res, dialect, requestId, 404, "NoSuchServerSideEncryptionRule", "The server side encryption configuration was not found", bucket, "0005-00000004");
      }
      return this.send(res, dialect, requestId, 200, ruleXml(entry.rule, dialect));
    }
    if (method === "DELETE") {
      delete entry.rule;
      return this.send(res, dialect, requestId, 204, "");
    }
    if (method === "PUT") {
      const parsed = dialect === "s3" ? parseS3Rule(body) : parseOssRule(body);
      if ("code" in parsed) return this.sendError(res, dialect, requestId, 400, parsed.code, parsed.message, bucket, parsed.ec);
      entry.rule = parsed;
      return this.send(res, dialect, requestId, 200, "");
    }
    return this.sendError(res, dialect, requestId, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", bucket);
  }

  // GetService: names in alphabetical order after `marker`, at most `max-keys`; the paging
  // elements appear only when the answer is cut short, as Alibaba's document describes.
  private listBuckets(res: http.ServerResponse, dialect: "oss" | "s3", requestId: string, query: Readonly<Record<string, string | null>>): number {
    const prefix = query["prefix"] ?? "";
    const marker = query["marker"] ?? "";
    const maxKeysText = query["max-keys"] ?? String(LIST_DEFAULT_MAX_KEYS);
    const maxKeys = /^\d+$/.test(maxKeysText) ? Number(maxKeysText) : Number.NaN;
    if (dialect === "oss" && !(maxKeys >= 1 && maxKeys <= LIST_MAX_KEYS)) {
      return this.sendError(res, dialect, requestId, 400, "InvalidArgument", "Argument max-keys must be an integer between 1 and 1000.", "", "0016-00000401");
    }
    const token = dialect === "s3" ? (query["continuation-token"] ?? "") : "";
    const names = [...this.buckets.keys()].filter((n) => n.startsWith(prefix) && n > marker && n > token).sort();
    const size = dialect === "oss" ? maxKeys : (this.s3PageSize ?? (this.listingQuirk !== undefined ? LIST_MAX_KEYS : names.length));
    const quirky = this.listingQuirk !== undefined ? quirkyPage(this.listingQuirk, names, dialect === "oss" ? marker : token, size) : undefined;
    const page = quirky?.names ?? names.slice(0, size);
    const truncated = quirky !== undefined ? quirky.next !== undefined : page.length < names.length;
    const next = quirky?.next ?? page.at(-1) ?? "";
    const entries = page.map((name) => {
      const b = this.buckets.get(name) ?? { region: "cn-hangzhou", created: new Date(0) };
      return dialect === "s3"
        ? `<Bucket><Name>${name}</Name><CreationDate>${b.created.toISOString()}</CreationDate></Bucket>`
        : `\n    <Bucket>\n      <CreationDate>${b.created.toISOString()}</CreationDate>\n      <ExtranetEndpoint>oss-${b.region}.aliyuncs.com</ExtranetEndpoint>\n      <IntranetEndpoint>oss-${b.region}-internal.aliyuncs.com</IntranetEndpoint>\n      <Location>oss-${b.region}</Location>\n      <Name>${name}</Name>\n      <Region>${b.region}</Region>\n      <StorageClass>Standard</StorageClass>\n    </Bucket>`;
    });
    const body =
      dialect === "s3"
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>emulator</ID></Owner><Buckets>${entries.join("")}</Buckets>${truncated ? `<ContinuationToken>${next}</ContinuationToken>` : ""}</ListAllMyBucketsResult>`
        : `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult>${
            truncated
              ? `\n  <Prefix>${prefix}</Prefix>\n  <Marker>${marker}</Marker>\n  <MaxKeys>${maxKeys}</MaxKeys>\n  <IsTruncated>true</IsTruncated>\n  <NextMarker>${next}</NextMarker>`
              : ""
          }\n  <Owner>\n    <ID>51264</ID>\n    <DisplayName>51264</DisplayName>\n  </Owner>\n  <Buckets>${entries.join("")}\n  </Buckets>\n</ListAllMyBucketsResult>\n`;
    return this.send(res, dialect, requestId, 200, body);
  }

  private send(res: http.ServerResponse, dialect: "oss" | "s3", requestId: string, status: number, body: string): number {
    res.writeHead(status, {
      ...(body !== "" ? { "Content-Type": "application/xml" } : {}),
      "Content-Length": String(Buffer.byteLength(body)),
      Date: new Date(this.now()).toUTCString(),
      ...(dialect === "s3" ? { "x-amz-request-id": requestId } : { "x-oss-request-id": requestId, Server: "AliyunOSS" }),
    });
    res.end(body);
    return status;
  }

  private sendError(res: http.ServerResponse, dialect: "oss" | "s3", requestId: string, status: number, code: string, message: string, bucket: string, ec?: string): number {
    if (ec !== undefined) res.setHeader("x-oss-ec", ec);
    return this.send(res, dialect, requestId, status, errorXml(code, message, requestId, bucket, ec));
  }
}

function errorXml(code: string, message: string, requestId: string, bucket: string, ec?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n  <RequestId>${requestId}</RequestId>\n  <HostId>${bucket}.oss-cn-hangzhou.aliyuncs.com</HostId>${bucket !== "" ? `\n  <BucketName>${bucket}</BucketName>` : ""}${ec !== undefined ? `\n  <EC>${ec}</EC>` : ""}\n</Error>\n`;
}

function ruleXml(rule: StoredRule, dialect: "oss" | "s3"): string {
  const children = Object.entries(rule)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join("");
  return dialect === "s3"
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule><ApplyServerSideEncryptionByDefault>${children}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`
    : `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule>\n  <ApplyServerSideEncryptionByDefault>\n    ${children}\n  </ApplyServerSideEncryptionByDefault>\n</ServerSideEncryptionRule>`;
}

function element(body: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
}

type Parsed = StoredRule | { code: string; message: string; ec?: string };

function parseOssRule(body: string): Parsed {
  if (!/<ServerSideEncryptionRule>\s*<ApplyServerSideEncryptionByDefault>/.test(body)) return { code: "MalformedXML", message: "The XML you provided was not well-formed." };
  const algorithm = element(body, "SSEAlgorithm") ?? "";
  const key = element(body, "KMSMasterKeyID");
  const data = element(body, "KMSDataEncryption");
  if (!OSS_ALGORITHMS.includes(algorithm)) {
    return { code: "InvalidEncryptionAlgorithmError", message: "The Encryption request you specified is not valid. Supported value: AES256/KMS", ec: "0005-00000003" };
  }
  if (key !== undefined && key !== "" && algorithm !== "KMS") {
    return { code: "InvalidArgument", message: "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS", ec: "0005-00000204" };
  }
  if (data !== undefined && data !== "" && (data !== "SM4" || algorithm !== "KMS")) {
    return { code: "InvalidArgument", message: "KMSDataEncryption is not valid", ec: "0005-00000203" };
  }
  return { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}), ...(data ? { KMSDataEncryption: data } : {}) };
}

function parseS3Rule(body: string): Parsed {
  if (!/<ServerSideEncryptionConfiguration[^>]*>\s*<Rule>/.test(body)) return { code: "MalformedXML", message: "The XML you provided was not well-formed." };
  const algorithm = element(body, "SSEAlgorithm") ?? "";
  const key = element(body, "KMSMasterKeyID");
  if (algorithm !== "aws:kms" && algorithm !== "AES256") return { code: "MalformedXML", message: "The XML you provided was not well-formed." };
  if (key !== undefined && key !== "" && algorithm !== "aws:kms") return { code: "MalformedXML", message: "MasterKeyID is allowed with aws:kms only" };
  return { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}) };
}
