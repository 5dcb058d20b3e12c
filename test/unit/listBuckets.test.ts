import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { aliyunBucketListing } from "../../provider/clouds/aliyun/listBuckets";
import { jdcloudBucketListing } from "../../provider/clouds/jdcloud/listBuckets";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import { serviceRequestFor } from "../../provider/clouds/requestsFor";
import { ossV1StringToSign } from "../../provider/signing/ossV1";
import { ossV4Authorization, ossV4CanonicalRequest } from "../../provider/signing/ossV4";
import { signUtils } from "../emulator/aliOssSignUtils";
import { REPO_ROOT } from "../support/tools";

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, "test/fixtures", name), "utf8");
const bucketXml = (names: string[], extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult>${extra}<Buckets>${names.map((n) => `<Bucket><Name>${n}</Name><Region>cn-hangzhou</Region></Bucket>`).join("")}</Buckets></ListAllMyBucketsResult>`;

describe("Aliyun ListBuckets (GetService)", () => {
  it("decodes the documented truncated answer: names, regions from Region, the NextMarker cursor", () => {
    const page = aliyunBucketListing.decodePage(fixture("aliyun-listbuckets-truncated.xml"));
    assert.deepEqual(page, {
      buckets: [
        { name: "test-bucket-1", region: "cn-shanghai", creationDate: "2014-02-07T18:12:43.000Z" },
        { name: "test-bucket-2", region: "cn-hangzhou", creationDate: "2014-02-05T11:21:04.000Z" },
      ],
      cursor: "mybucket10",
    });
  });

  const cases: Array<{ label: string; body: string; names: string[]; cursor?: string }> = [
    { label: "an answer with every bucket has no paging elements and no cursor", body: bucketXml(["a-1", "a-2"]), names: ["a-1", "a-2"] },
    { label: "a single Bucket element is a list of one", body: bucketXml(["only"]), names: ["only"] },
    { label: "no buckets at all", body: `<ListAllMyBucketsResult><Owner><ID>1</ID></Owner><Buckets/></ListAllMyBucketsResult>`, names: [] },
    { label: "IsTruncated false ignores a NextMarker", body: bucketXml(["a-1"], "<IsTruncated>false</IsTruncated><NextMarker>zzz</NextMarker>"), names: ["a-1"] },
    { label: "truncated without NextMarker pages on from the last name", body: bucketXml(["a-1", "a-2"], "<IsTruncated>true</IsTruncated>"), names: ["a-1", "a-2"], cursor: "a-2" },
    { label: "a namespace on the root is tolerated", body: bucketXml(["a-1"]).replace("<ListAllMyBucketsResult>", `<ListAllMyBucketsResult xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">`), names: ["a-1"] },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const page = aliyunBucketListing.decodePage(c.body);
      assert.deepEqual(page.buckets.map((b) => b.name), c.names);
      assert.equal(page.cursor, c.cursor);
    });
  }

  it("takes the region from Location (oss- prefix removed) when Region is absent", () => {
    const page = aliyunBucketListing.decodePage(`<ListAllMyBucketsResult><Buckets><Bucket><Name>b-1</Name><Location>oss-cn-beijing</Location></Bucket></Buckets></ListAllMyBucketsResult>`);
    assert.equal(page.buckets[0]?.region, "cn-beijing");
  });

  for (const [label, body] of [
    ["an error document", "<Error><Code>AccessDenied</Code></Error>"],
    ["a Bucket without Name", "<ListAllMyBucketsResult><Buckets><Bucket><Region>x</Region></Bucket></Buckets></ListAllMyBucketsResult>"],
    ["HTML", "<html><body>proxy</body>"],
    ["a truncated answer with no bucket and no marker", "<ListAllMyBucketsResult><IsTruncated>true</IsTruncated><Buckets/></ListAllMyBucketsResult>"],
  ] as const) {
    it(`refuses ${label}`, () => assert.throws(() => aliyunBucketListing.decodePage(body), MalformedResponseError));
  }

  it("asks for max-keys (clamped to 1..1000) and the marker", () => {
    assert.deepEqual(aliyunBucketListing.pageQuery(undefined, 100), { "max-keys": "100" });
    assert.deepEqual(aliyunBucketListing.pageQuery("b-0099", 5000), { "max-keys": "1000", marker: "b-0099" });
    assert.deepEqual(aliyunBucketListing.pageQuery(undefined, 0), { "max-keys": "1" });
  });
});

describe("JD Cloud ListBuckets (S3)", () => {
  it("decodes S3's answer: names, BucketRegion, the ContinuationToken cursor", () => {
    const page = jdcloudBucketListing.decodePage(fixture("s3-listbuckets.xml"));
    assert.deepEqual(page.buckets, [
      { name: "amzn-s3-demo-bucket", region: "us-east-1", creationDate: "2019-12-11T23:32:47+00:00" },
      { name: "amzn-s3-demo-bucket1", creationDate: "2019-11-10T23:32:13+00:00" },
    ]);
    assert.equal(page.cursor, "eyJNYXJrZXIiOiAiYW16bi1zMy1kZW1vLWJ1Y2tldDEifQ==");
  });

  it("an empty Location (JD Cloud's documented value) means no region", () => {
    const page = jdcloudBucketListing.decodePage(`<ListAllMyBucketsResult><Buckets><Bucket><Name>jd-1</Name><Location></Location></Bucket></Buckets></ListAllMyBucketsResult>`);
    assert.deepEqual(page, { buckets: [{ name: "jd-1" }] });
  });

  it("sends no paging parameter on the first page, the token on the next", () => {
    assert.deepEqual(jdcloudBucketListing.pageQuery(undefined, 100), {});
    assert.deepEqual(jdcloudBucketListing.pageQuery("tok", 100), { "continuation-token": "tok" });
  });
});

describe("the ListBuckets request", () => {
  it("goes to the region's public endpoint without a bucket (virtual host) or to the endpoint given", () => {
    const aliyun = serviceRequestFor({ cloud: "aliyun", region: "cn-hangzhou" }, { "max-keys": "10" });
    assert.equal(aliyun.hostname, "oss-cn-hangzhou.aliyuncs.com");
    assert.equal(aliyun.headers["host"], "oss-cn-hangzhou.aliyuncs.com");
    assert.equal(aliyun.path, "/");
    assert.equal(aliyun.bucket, "");
    const jd = serviceRequestFor({ cloud: "jdcloud", region: "cn-north-1", endpoint: "http://127.0.0.1:9000" }, {});
    assert.deepEqual([jd.hostname, jd.port, jd.headers["host"], jd.path], ["127.0.0.1", 9000, "127.0.0.1:9000", "/"]);
  });

  const query = { marker: "b-0099", "max-keys": "100" };
  const credentials = { accessKeyId: "AKIDEXAMPLE0001", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

  it("OSS V1 signs the resource / without the paging parameters (not subresources), as ali-oss does", () => {
    const headers = { "content-type": "application/xml", "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==", date: "Wed, 25 Nov 2026 04:00:00 GMT" };
    const ours = ossV1StringToSign({ method: "GET", bucket: "", key: "", query, headers });
    assert.equal(ours, signUtils.buildCanonicalString("GET", "/", { headers, parameters: {} }, headers.date));
    assert.ok(ours.endsWith("\n/"), ours);
  });

  it("OSS V4 signs the URI / and every query parameter, exactly as ali-oss does", () => {
    const headers = { "content-type": "application/xml", "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==", "x-oss-date": "20261125T040000Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD" };
    const request = { method: "GET", bucket: "", key: "", query, headers };
    assert.deepEqual(ossV4CanonicalRequest(request).split("\n").slice(0, 3), ["GET", "/", "marker=b-0099&max-keys=100"]);
    const theirs = signUtils.authorizationV4(credentials.accessKeyId, credentials.secretAccessKey, "cn-hangzhou", "GET", { headers: { ...headers }, queries: { ...query } }, "", "", undefined);
    assert.equal(ossV4Authorization(request, credentials, "cn-hangzhou"), theirs);
  });
});
