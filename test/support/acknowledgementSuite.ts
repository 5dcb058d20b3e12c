import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AcknowledgementError } from "../../provider/errors/AcknowledgementError";
import type { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import type { Fault } from "../emulator/faults";
import { lifecycleOn, type Op, OPS, prepareOperation } from "./operations";
import type { Target } from "./targets";

// A 2xx is believed only when its body is what the cloud documents for success. Each answer below
// replaces the server's (the server does not act), so afterwards the server must hold exactly
// what it held before, and the operation must have failed after one request, naming what came back.

/** A target whose answers a test can replace (the emulator's own faults, or a proxy in front of MinIO). */
export interface FaultyTarget extends Target {
  inject(...faults: Fault[]): void;
}

const ALIYUN_DENIED = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>You have no right to access this object because of bucket acl.</Message>\n  <RequestId>65A1B2C3D4E5F6A7B8C9D0E1</RequestId>\n  <HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0003-00000001</EC>\n</Error>`;
const S3_DENIED = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>/b</Resource><RequestId>18EA1F2B3C4D5E6F</RequestId></Error>`;
const LOGIN_PAGE = `<!DOCTYPE html>\n<html><head><title>Network login required</title></head><body><form action="/login"><input name="user"></form></body></html>`;
const XHTML_PAGE = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Proxy authorization</title></head><body><p>Sign in to continue.</p></body></html>`;

/**
 * The acknowledgement cases against one target: each unproven 2xx answer, for each operation,
 * is refused after one request and leaves the server as it was.
 */
export function acknowledgementSuite(label: string, start: () => Promise<FaultyTarget>): void {
  describe(`2xx answers that prove nothing: ${label}`, () => {
    let target: FaultyTarget;
    let lifecycle: BucketEncryptionLifecycle;
    let counter = 0;
    before(async () => {
      target = await start();
      lifecycle = lifecycleOn(target, { PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: "4", PULUMI_BUCKET_ENCRYPTION_REQUEST_TIMEOUT_MS: "5000" });
    });
    after(async () => target?.stop());

    const prepare = (op: Op) => prepareOperation(lifecycle, target, `ack-${++counter}`, op);

    const bodies: Array<[string, () => Fault, RegExp]> = [
      [
        "an error document",
        () => ({ kind: "answer", status: 200, contentType: "application/xml", body: target.cloud === "aliyun" ? ALIYUN_DENIED : S3_DENIED }),
        /failed after 1 attempt: HTTP 200 \(content type application\/xml\) is not an acknowledgement: the body is an error document AccessDenied: .*\[request id [0-9A-F]+\]\. Next: the state was not changed/,
      ],
      [
        "an HTML login page",
        () => ({ kind: "answer", status: 200, contentType: "text/html; charset=utf-8", body: LOGIN_PAGE }),
        /failed after 1 attempt: HTTP 200 \(content type text\/html; charset=utf-8\) is not an acknowledgement: the body is an HTML page titled "Network login required", not the service's answer\. Next: something other than the service answered/,
      ],
      [
        "an XHTML page",
        () => ({ kind: "answer", status: 200, contentType: "application/xhtml+xml", body: XHTML_PAGE }),
        /HTTP 200 \(content type application\/xhtml\+xml\) is not an acknowledgement: the body is an HTML page titled "Proxy authorization"/,
      ],
    ];

    for (const op of OPS) {
      for (const [name, fault, expected] of bodies) {
        it(`${op}: ${name} under 200 is refused, not retried, and changes nothing`, async () => {
          const { bucket, run, held } = await prepare(op);
          const before = target.requestCount(bucket);
          target.inject(fault());
          await assert.rejects(run(), (e: Error) => {
            assert.ok(e instanceof AcknowledgementError, `${e.name}: ${e.message}`);
            assert.match(e.message, expected);
            assert.match(e.message, new RegExp(`^${op === "create" || op === "update" ? "PUT" : op === "read" ? "GET" : "DELETE"} \\?encryption on ${target.cloud}:`));
            return true;
          });
          assert.equal(target.requestCount(bucket) - before, 1, "one request: not retried");
          assert.deepEqual(await target.rule(bucket), held, "the server holds what it held before");
        });
      }

      it(`${op}: a transient error document under 200 is retried and the operation completes`, async () => {
        const { bucket, run } = await prepare(op);
        const before = target.requestCount(bucket);
        const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R0</RequestId></Error>`;
        target.inject({ kind: "answer", status: 200, contentType: "application/xml", body, retryAfter: "0" });
        await run();
        assert.equal(target.requestCount(bucket) - before, 2, "the refused answer, then the real one");
        const expected = op === "delete" ? undefined : { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[op === "update" ? 1 : 0] };
        assert.deepEqual(await target.rule(bucket), expected);
      });
    }
  });
}
