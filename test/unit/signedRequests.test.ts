import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cloudModule } from "../../provider/clouds";
import { bucketRequestFor } from "../../provider/clouds/requestsFor";
import { signUtils } from "../emulator/aliOssSignUtils";
import { SIGNED_REQUESTS, SIGNING_DATE } from "../fixtures/signedRequests.fixture";

describe("the exact signed request, per dialect and signature version (fixed clock)", () => {
  for (const { name, state, operation, credentials, request } of SIGNED_REQUESTS) {
    it(name, async () => {
      const cloud = cloudModule(state.cloud);
      const options = state.signatureVersion !== undefined ? { signatureVersion: state.signatureVersion } : {};
      const signed = await cloud.sign(bucketRequestFor(state, operation), credentials, SIGNING_DATE, options);
      const host = signed.hostname.includes(":") ? `[${signed.hostname}]` : signed.hostname;
      const url = `${signed.protocol}//${host}${signed.port !== undefined ? `:${signed.port}` : ""}${signed.target}`;
      assert.deepEqual({ method: signed.method, url, headers: signed.headers, body: signed.body }, request);
    });
  }
});

// The table's OSS signatures are not ours to vouch for: ali-oss recomputes each from the row's own
// headers. (The S3 rows come from botocore: test/fixtures/s3-sigv4-botocore.py.)
describe("the table's OSS signatures are ali-oss's", () => {
  for (const { name, state, credentials, request } of SIGNED_REQUESTS.filter((c) => c.state.cloud === "aliyun")) {
    it(name, () => {
      const { authorization, ...headers } = request.headers;
      const queries = { encryption: null };
      const expected =
        state.signatureVersion === "v1"
          ? signUtils.authorization(credentials.accessKeyId, credentials.secretAccessKey, signUtils.buildCanonicalString(request.method, `/${state.bucket}/`, { headers, parameters: queries }, headers["date"]))
          : signUtils.authorizationV4(credentials.accessKeyId, credentials.secretAccessKey, state.region, request.method, { headers, queries }, state.bucket, "", undefined);
      assert.equal(authorization, expected);
    });
  }
});
