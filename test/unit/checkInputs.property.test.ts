import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { cloudModule as dialectFor } from "../../provider/clouds";
import { bucketRequestFor } from "../../provider/clouds/requestsFor";
import { checkInputs } from "../../provider/validation/checkInputs";

// Generated inputs, hostile strings included, through check: it never throws; it accepts only
// what is valid for the cloud, or names the property; nothing it accepts can move the request to
// another host, path or query.

export const PROPERTY_RUNS = 20_000;

const hostile = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(..."abc-.0/\\@#?%&=:;[]<>\"' \t\r\n\u0000\u202e\uff0f"), maxLength: 70 }),
  fc.constantFrom(
    "../etc",
    "acme/../../admin",
    "evil.com",
    "acme.evil.com",
    "acme@evil.com",
    "acme#frag",
    "acme?x=1",
    "acme%2F..",
    "a".repeat(300),
    "ACME",
    "acme--logs",
    "-acme",
    "acme-",
    "xn--acme",
    "127.0.0.1",
    "acme\nHost: evil",
  ),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
);
const anyValue = fc.oneof(hostile, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }));

// Mostly-valid values mixed with hostile ones, so that both the refusal and the acceptance paths
// are exercised thousands of times.
const mostly = <T>(valid: fc.Arbitrary<T>, weight = 4) => fc.oneof({ arbitrary: valid, weight }, { arbitrary: anyValue, weight: 1 });
const absentOr = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: valid, weight: 2 }, { arbitrary: hostile, weight: 1 });

const inputs = fc.record(
  {
    cloud: mostly(fc.constantFrom("aliyun", "jdcloud"), 9),
    region: mostly(fc.constantFrom("cn-hangzhou", "oss-cn-hangzhou", "cn-north-1", "cn-east-2", "ap-southeast-1")),
    bucket: mostly(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/), 3),
    sseAlgorithm: mostly(fc.constantFrom("KMS", "AES256", "SM4", "aws:kms")),
    kmsMasterKeyId: absentOr(fc.constantFrom("9468da86-3509-4f8d-a61e-6eab1eac0001", "arn:aws:kms:e2e-key", "key-1")),
    kmsDataEncryption: absentOr(fc.constant("SM4")),
    endpoint: absentOr(
      fc.oneof(
        fc.constantFrom("http://127.0.0.1:9000", "https://oss-cn-hangzhou-internal.aliyuncs.com", "http://evil.com", "https://u:p@evil.com", "https://evil.com/x?y#z", "http://[::1]:9000"),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
      ),
    ),
    signatureVersion: absentOr(fc.constantFrom("v4", "v1")),
  },
  { requiredKeys: [] },
);

const INPUT_NAMES = new Set(["cloud", "region", "bucket", "sseAlgorithm", "kmsMasterKeyId", "kmsDataEncryption", "endpoint", "signatureVersion"]);

describe(`property: check over ${PROPERTY_RUNS} generated inputs`, () => {
  it("never throws; accepts only valid rules and never lets a value change host, path or query", () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (raw) => {
        const outcome = checkInputs(raw);
        for (const failure of outcome.failures) {
          assert.ok(INPUT_NAMES.has(failure.property), `failure names an input: ${failure.property}`);
          assert.ok(failure.reason.length > 0);
        }
        if (outcome.state === undefined) {
          assert.ok(outcome.failures.length > 0, "a refusal names at least one property");
          return;
        }
        accepted++;
        const state = outcome.state;
        assert.match(state.bucket, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
        if (state.cloud === "jdcloud") {
          assert.equal(state.sseAlgorithm, "KMS");
          assert.ok(!state.bucket.includes("--"));
        }
        if (state.sseAlgorithm !== "KMS") {
          assert.equal(state.kmsMasterKeyId, undefined);
          assert.equal(state.kmsDataEncryption, undefined);
        }
        for (const operation of ["put", "get", "delete"] as const) {
          const request = bucketRequestFor(state, operation);
          const expectedHost = state.endpoint !== undefined ? new URL(state.endpoint).hostname.replace(/^\[|\]$/g, "") : dialectFor(state.cloud).publicEndpointHost(state.region);
          assert.ok(request.hostname === expectedHost || request.hostname === `${state.bucket}.${expectedHost}`, `host ${request.hostname}`);
          assert.ok(request.path === "/" || request.path === `/${state.bucket}/`, `path ${request.path}`);
          assert.deepEqual(request.query, { encryption: "" });
          if (state.endpoint !== undefined) {
            const url = new URL(state.endpoint);
            assert.equal(url.username + url.password + url.search + url.hash, "");
            assert.ok(url.protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) || url.hostname.startsWith("127."));
          }
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
    assert.ok(accepted > PROPERTY_RUNS / 50, `the generator reaches valid inputs too (${accepted} accepted)`);
    process.stdout.write(`# check property runs: ${PROPERTY_RUNS}, accepted ${accepted}, refused ${PROPERTY_RUNS - accepted}\n`);
  });
});
