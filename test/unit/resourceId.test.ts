import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatResourceId } from "../../provider/model/resourceId";
import { parseResourceId } from "../../provider/validation/resourceId";

describe("resource ids", () => {
  it("round-trips", () => {
    for (const address of [
      { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs" },
      { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups" },
    ] as const) {
      assert.deepEqual(parseResourceId(formatResourceId(address)), address);
    }
  });
  it("normalises an Aliyun oss- region", () => {
    assert.deepEqual(parseResourceId("aliyun:oss-cn-hangzhou:acme"), { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme" });
  });
  for (const bad of ["", "aliyun:cn-hangzhou", "aws:us-east-1:acme", "aliyun:cn-hangzhou:Acme", "jdcloud:cn-north-1:a--b", "aliyun:cn-hangzhou:acme:extra", "jdcloud:north:acme"]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parseResourceId(bad), undefined));
  }
});
