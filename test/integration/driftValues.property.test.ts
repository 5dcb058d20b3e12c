import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { MAX_RESPONSE_BYTES } from "../../provider/http/sendRequest";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { checkInputs } from "../../provider/validation/checkInputs";
import { ScriptedServer } from "../support/scriptedServer";

// Drift values: whatever rule a server holds, read records it and update and delete still send
// their request. A scripted server on 127.0.0.1 answers each GET with a generated live rule (any
// algorithm string, any key id up to the body cap), then accepts the PUT and the DELETE; the
// stored state handed to read and delete is generated too. Nothing may throw before the request.

/** Generated live rules per cloud. */
export const DRIFT_RUNS = 250;

// Characters XML 1.0 can carry (no C0 controls but tab and line feed, no lone surrogates, no
// U+FFFE/U+FFFF); a carriage return would reach the parser as a line feed, so it is left out too.
const xmlChar = fc
  .string({ unit: "binary", minLength: 1, maxLength: 1 })
  .filter((c) => /^[\t\n\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]$/u.test(c));
const xmlString = (maxLength: number) => fc.string({ unit: xmlChar, maxLength });
// Long values up to the body cap: a short generated piece repeated.
const longString = fc
  .tuple(fc.string({ unit: xmlChar, minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: MAX_RESPONSE_BYTES }))
  // Cut in code points, so that a surrogate pair is never split.
  .map(([piece, length]) => Array.from(piece.repeat(Math.ceil(length / piece.length))).slice(0, length).join(""));
const algorithm = fc.oneof(
  fc.constantFrom("KMS", "AES256", "SM4", "aws:kms", "aws:kms:dsse", "DES", "", "kms", " KMS", "toString", "__proto__", "constructor"),
  xmlString(40),
  fc.string({ unit: fc.constantFrom(..."<>&'\"; -:/\t\n\u202e\u00a0é中"), maxLength: 30 }),
);
const keyId = fc.option(fc.oneof({ arbitrary: xmlString(300), weight: 3 }, { arbitrary: longString, weight: 1 }), { nil: undefined });
const dataEncryption = fc.option(fc.oneof(fc.constantFrom("SM4", "SM9", ""), xmlString(20)), { nil: undefined });
// What an older release, a refresh or a hand edit may have left in the stored rule.
const storedValue = fc.oneof(fc.constant(undefined), xmlString(50), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }));

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Live {
  readonly algorithm: string;
  readonly keyId: string | undefined;
  readonly dataEncryption: string | undefined;
}

function ruleBody(cloud: "aliyun" | "jdcloud", live: Live): string {
  const inner =
    `<SSEAlgorithm>${escape(live.algorithm)}</SSEAlgorithm>` +
    (live.keyId !== undefined ? `<KMSMasterKeyID>${escape(live.keyId)}</KMSMasterKeyID>` : "") +
    (live.dataEncryption !== undefined && cloud === "aliyun" ? `<KMSDataEncryption>${escape(live.dataEncryption)}</KMSDataEncryption>` : "");
  return cloud === "aliyun"
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`
    : `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
}

// What read must record: the value as the server holds it (the parser trims surrounding white
// space; an empty value is absent; the wire spelling aws:kms is KMS on both clouds, as check
// normalises it).
function recorded(value: string | undefined, isAlgorithm: boolean): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === "") return undefined;
  return isAlgorithm && trimmed === "aws:kms" ? "KMS" : trimmed;
}

for (const cloud of ["aliyun", "jdcloud"] as const) {
  describe(`drift values on ${cloud}: read, update and delete always send their request`, () => {
    const server = new ScriptedServer();
    let endpoint = "";
    let lifecycle: BucketEncryptionLifecycle;
    before(async () => {
      endpoint = await server.start();
      lifecycle = new BucketEncryptionLifecycle({
        ...(cloud === "aliyun"
          ? { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-drift", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "drift-secret" }
          : { JDCLOUD_ACCESS_KEY: "JD-drift", JDCLOUD_SECRET_KEY: "drift-secret" }),
        PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: "1",
      });
    });
    after(() => server.stop());

    const region = cloud === "aliyun" ? "cn-hangzhou" : "cn-north-1";
    const id = `${cloud}:${region}:drift-bucket`;

    it(`${DRIFT_RUNS} generated live rules and stored states`, async () => {
      let runs = 0;
      let refusedAsInput = 0;
      await fc.assert(
        fc.asyncProperty(algorithm, keyId, dataEncryption, storedValue, storedValue, storedValue, fc.boolean(), async (alg, key, data, storedAlg, storedKey, storedData, idOnly) => {
          const live: Live = { algorithm: alg, keyId: key, dataEncryption: data };
          const body = ruleBody(cloud, live);
          fc.pre(Buffer.byteLength(body) <= MAX_RESPONSE_BYTES);
          server.answer({ status: 200, headers: { "Content-Type": "application/xml" }, body }, { status: 200 }, { status: 204 });
          const stored: Record<string, unknown> = idOnly
            ? { endpoint }
            : { cloud, region, bucket: "drift-bucket", sseAlgorithm: storedAlg, kmsMasterKeyId: storedKey, kmsDataEncryption: storedData, endpoint };

          const read = await lifecycle.read(id, stored);
          assert.ok(read.props !== undefined);
          runs++;
          if (checkInputs(read.props).state === undefined) refusedAsInput++;
          assert.equal(read.props["sseAlgorithm"], recorded(alg, true));
          assert.equal(read.props["kmsMasterKeyId"], recorded(key, false));
          if (cloud === "aliyun") assert.equal(read.props["kmsDataEncryption"], recorded(data, false));

          const { inputs: news, failures } = await lifecycle.check(read.inputs ?? {}, { cloud, region, bucket: "drift-bucket", sseAlgorithm: "KMS", endpoint });
          assert.deepEqual(failures, []);
          await lifecycle.diff(id, read.props, news);
          await lifecycle.update(id, read.props, news);
          await lifecycle.delete(id, read.props);
          assert.deepEqual(
            server.requests.map((r) => r.method),
            ["GET", "PUT", "DELETE"],
          );
        }),
        { numRuns: DRIFT_RUNS },
      );
      // Most generated rules are ones check would refuse as input: the family tests what it claims.
      assert.ok(refusedAsInput > runs / 2, `${refusedAsInput} of ${runs} refused as input`);
      process.stdout.write(`# drift values on ${cloud}: ${runs} live rules read, ${refusedAsInput} of them refused by check as input; read, update and delete sent every request\n`);
    });
  });
}
