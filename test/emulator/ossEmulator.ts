import { randomBytes } from "node:crypto";
import type http from "node:http";
import { LoopbackServer } from "../support/loopbackServer";
import { answerWithFault, type Fault, FaultPlan } from "./faults";
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

/**
 * A local stand-in for Alibaba Cloud OSS's bucket-encryption API (and, for the demo, the S3
 * dialect): Put/Get/DeleteBucketEncryption and PutBucket, with the documented status codes, XML
 * and error bodies. Signatures are verified with the official ali-oss functions. Path-style and
 * virtual-hosted (`<bucket>.<host>`) addressing both work.
 */
export class OssEmulator {
  readonly buckets = new Map<string, { rule?: StoredRule }>();
  readonly log: LoggedRequest[] = [];
  readonly faults = new FaultPlan();
  /** Buckets whose every `?encryption` request is refused with 403 AccessDenied (a policy denying the caller). */
  readonly deniedBuckets = new Set<string>();
  private readonly secrets = new Map<string, string>();
  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));
  /** The clock the emulator checks request times against (tests move it to create skew). */
  now: () => number = () => Date.now();

  constructor(credentials: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }>) {
    for (const c of credentials) this.secrets.set(c.accessKeyId, c.secretAccessKey);
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

  /** Creates a bucket out-of-band. */
  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, {});
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
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = flattenHeaders(req.headers);
    const url = new URL(req.url ?? "/", "http://emulator");
    const query: Record<string, string | null> = {};
    for (const part of url.search.replace(/^\?/, "").split("&").filter(Boolean)) {
      const [k = "", v] = part.split("=");
      // OSS canonicalises an empty value as the bare key: `?encryption=` and `?encryption` are one.
      query[decodeURIComponent(k)] = v === undefined || v === "" ? null : decodeURIComponent(v);
    }
    const hostBucket = /^([a-z0-9-]+)\.(?!\d+$)[^:]*\./.exec(headers["host"] ?? "")?.[1];
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
    const verified = dialect === "s3" ? await verifyS3Signature(request, this.secrets, this.now()) : verifyOssSignature(request, this.secrets, this.now());
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
      if (method === "PUT" && bucket !== "") {
        this.createBucket(bucket);
        return this.send(res, dialect, requestId, 200, "");
      }
      return this.sendError(res, dialect, requestId, 400, "InvalidRequest", "Only PutBucket and the encryption subresource are emulated.", bucket);
    }
    if (this.deniedBuckets.has(bucket)) {
      return this.sendError(res, dialect, requestId, 403, "AccessDenied", "You have no right to access this bucket.", bucket);
    }
    const entry = this.buckets.get(bucket);
    if (entry === undefined) {
      return this.sendError(res, dialect, requestId, 404, "NoSuchBucket", "The specified bucket does not exist.", bucket, "0015-00000101");
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
