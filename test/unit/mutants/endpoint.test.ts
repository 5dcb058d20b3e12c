// Endpoint overrides and region ids, input by input: what is accepted (and in which normal form)
// and which rule refuses the rest. The refusals are told apart by their wording, so a check that
// stops working cannot hide behind a later one.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeAliyunRegion } from "../../../provider/clouds/aliyun/region";
import { normalizeJdcloudRegion } from "../../../provider/clouds/jdcloud/region";
import { isLoopbackHost, normalizeEndpoint, usesPathStyle } from "../../../provider/http/endpoint";

const NOT_A_URL = /^must be an absolute URL/;
const SCHEME = /^must use https \(or http/;
const PLAIN_HTTP = /^must use https; plain http/;
const CREDENTIALS = /^must not carry credentials/;
const PATH = /^must be a scheme and host \(and port\) only/;
const DROPPED = /^must be exactly scheme:\/\/host/;
const PORT_ZERO = /^must not use port 0/;

describe("normalizeEndpoint", () => {
  const accepted: Array<[string, string]> = [
    ["https://oss-cn-hangzhou-internal.aliyuncs.com", "https://oss-cn-hangzhou-internal.aliyuncs.com"],
    ["https://a.example.com/", "https://a.example.com"],
    ["HTTPS://X.Example.COM:8443", "https://x.example.com:8443"],
    ["https://x.example.com:443", "https://x.example.com"],
    ["http://127.0.0.1:9000", "http://127.0.0.1:9000"],
    ["http://127.255.0.1", "http://127.255.0.1"],
    ["http://localhost", "http://localhost"],
    ["http://LOCALHOST:8080", "http://localhost:8080"],
    ["http://[::1]:9000", "http://[::1]:9000"],
  ];
  for (const [input, endpoint] of accepted) {
    it(`accepts ${input} as ${endpoint}`, () => assert.deepEqual(normalizeEndpoint(input), { endpoint }));
  }
  const refused: Array<[string, RegExp]> = [
    ["not a url", NOT_A_URL],
    ["", NOT_A_URL],
    ["ftp://files.example.com", SCHEME],
    ["file:///etc/passwd", SCHEME],
    ["http://oss-cn-hangzhou.aliyuncs.com", PLAIN_HTTP],
    ["http://128.0.0.1", PLAIN_HTTP],
    ["http://10.0.0.1:9000", PLAIN_HTTP],
    ["http://[::2]", PLAIN_HTTP],
    ["http://127.0.0.1.example.com", PLAIN_HTTP],
    ["https://user:secret@x.example.com", CREDENTIALS],
    ["https://user@x.example.com", CREDENTIALS],
    ["https://:secret@x.example.com", CREDENTIALS],
    ["https://x.example.com/bucket", PATH],
    ["https://x.example.com//", PATH],
    ["https://x.example.com?versioning", PATH],
    ["https://x.example.com/?", PATH],
    ["https://x.example.com#top", PATH],
    ["https://x.example.com/#", PATH],
    ["https://x.example.com/.", DROPPED],
    ["https://x.example.com/%2e/", DROPPED],
    [" https://x.example.com", DROPPED],
    ["https://x.example.com\t", DROPPED],
    ["https://x.example.com:0", PORT_ZERO],
  ];
  for (const [input, problem] of refused) {
    it(`refuses ${JSON.stringify(input)} (${problem.source})`, () => {
      const result = normalizeEndpoint(input);
      assert.ok("problem" in result, `accepted as ${JSON.stringify(result)}`);
      assert.match(result.problem, problem);
    });
  }
});

describe("loopback hosts and path-style addressing", () => {
  // [hostname as URL.hostname gives it, loopback, path-style]
  const cases: Array<[string, boolean, boolean]> = [
    ["localhost", true, true],
    ["LocalHost", true, true],
    ["[::1]", true, true],
    ["::1", true, true],
    ["127.0.0.1", true, true],
    ["127.1.2.3", true, true],
    ["128.0.0.1", false, true],
    ["10.0.0.1", false, true],
    ["[::2]", false, true],
    ["[fe80::1]", false, true],
    ["oss-cn-hangzhou.aliyuncs.com", false, false],
    ["127.example.com", false, false],
    ["localhost.example.com", false, false],
    ["[localhost]", true, true],
  ];
  for (const [host, loopback, pathStyle] of cases) {
    it(`${host}: loopback ${loopback}, path-style ${pathStyle}`, () => {
      assert.equal(isLoopbackHost(host), loopback);
      assert.equal(usesPathStyle(host), pathStyle);
    });
  }
});

describe("region ids", () => {
  const aliyun: Array<[string, string | undefined]> = [
    ["cn-hangzhou", "cn-hangzhou"],
    ["oss-cn-hangzhou", "cn-hangzhou"],
    ["ap-southeast-1", "ap-southeast-1"],
    ["cn-north-2-gov-1", "cn-north-2-gov-1"],
    ["eu-a-b-c-d", "eu-a-b-c-d"],
    ["eu-a-b-c-d-e", undefined],
    ["abc-x", "abc-x"],
    ["c-hangzhou", undefined],
    ["cn", undefined],
    ["cn-", undefined],
    ["cn-hangzhou-", undefined],
    ["Cn-hangzhou", undefined],
    ["cn_hangzhou", undefined],
    [" cn-hangzhou", undefined],
    ["cn-hangzhou ", undefined],
    ["oss-", undefined],
    ["xoss-cn-hangzhou", "xoss-cn-hangzhou"],
    // 40 characters at most, the prefix not counted.
    [`cn-${"a".repeat(37)}`, `cn-${"a".repeat(37)}`],
    [`oss-cn-${"a".repeat(37)}`, `cn-${"a".repeat(37)}`],
    [`cn-${"a".repeat(38)}`, undefined],
  ];
  for (const [input, region] of aliyun) {
    it(`Alibaba Cloud ${JSON.stringify(input)}: ${region ?? "refused"}`, () => {
      const result = normalizeAliyunRegion(input);
      if (region === undefined) assert.ok("problem" in result, JSON.stringify(result));
      else assert.deepEqual(result, { region });
    });
  }
  const jdcloud: Array<[string, boolean]> = [
    ["cn-north-1", true],
    ["cn-east-2", true],
    ["cn-south-12", true],
    ["cnn-north-1", false],
    ["c-north-1", false],
    ["cn-north-", false],
    ["cn-north-a", false],
    ["cn-1-1", false],
    ["cn--1", false],
    ["CN-north-1", false],
    ["xcn-north-1", false],
    ["cn-north-1x", false],
    ["cn-north", false],
    ["oss-cn-north-1", false],
    [`cn-${"a".repeat(35)}-1`, true],
    [`cn-${"a".repeat(36)}-1`, false],
  ];
  for (const [input, ok] of jdcloud) {
    it(`JD Cloud ${JSON.stringify(input)}: ${ok ? "accepted as is" : "refused"}`, () => {
      const result = normalizeJdcloudRegion(input);
      if (ok) assert.deepEqual(result, { region: input });
      else assert.ok("problem" in result, JSON.stringify(result));
    });
  }
});
