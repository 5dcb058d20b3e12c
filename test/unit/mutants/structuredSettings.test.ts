// Credential settings read field by field (an object in stack config, or environment variables),
// key pairs by convention, and the elements of a bucket listing: empty, absent and malformed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromConfig, fromConvention } from "../../../provider/credentials/staticConventions";
import { EnvironmentFields, ObjectFields, readObjectConfig } from "../../../provider/credentials/structuredConfig";
import { childElements, decodeBucketList } from "../../../provider/dialects/bucketListing";
import { CredentialConfigError } from "../../../provider/errors/CredentialConfigError";
import { MalformedResponseError } from "../../../provider/errors/MalformedResponseError";

describe("readObjectConfig", () => {
  it("unset or empty is unset", () => {
    assert.equal(readObjectConfig("src", undefined), undefined);
    assert.equal(readObjectConfig("src", ""), undefined);
  });
  it("an object is read", () => assert.deepEqual(readObjectConfig("src", '{"a":1}'), { a: 1 }));
  for (const raw of ["null", "[1]", '"text"', "7", "{not json"]) {
    it(`${raw} is refused`, () => assert.throws(() => readObjectConfig("src", raw), CredentialConfigError));
  }
});

describe("ObjectFields", () => {
  const fields = (values: Record<string, unknown>) => new ObjectFields("src", values, ["name", "seconds"]);
  it("an empty string is absent, and refused when required", () => {
    assert.equal(fields({ name: "" }).string("name", { pattern: /^x+$/ }), undefined);
    assert.throws(() => fields({ name: "" }).string("name", { required: true }), /needs name/);
    assert.throws(() => fields({}).string("name", { required: true }), /needs name/);
  });
  it("a field that is not a string is refused", () => assert.throws(() => fields({ name: 7 }).string("name"), /name must be a string/));
  it("a field against its pattern", () => {
    assert.equal(fields({ name: "xx" }).string("name", { pattern: /^x+$/ }), "xx");
    assert.throws(() => fields({ name: "xy" }).string("name", { pattern: /^x+$/ }), CredentialConfigError);
  });
  const integers: Array<[unknown, number | undefined | "refused"]> = [
    [undefined, undefined],
    ["", undefined],
    [900, 900],
    ["900", 900],
    [3600, 3600],
    [3601, "refused"],
    [899, "refused"],
    ["9e2", "refused"],
    [900.5, "refused"],
    [true, "refused"],
    [[900], "refused"],
  ];
  for (const [value, expected] of integers) {
    it(`seconds ${JSON.stringify(value)} within [900, 3600]: ${String(expected)}`, () => {
      const read = () => fields(value === undefined ? {} : { seconds: value }).integer("seconds", 900, 3600);
      if (expected === "refused") assert.throws(read, CredentialConfigError);
      else assert.equal(read(), expected);
    });
  }
  it("an unknown field is refused by name", () => assert.throws(() => fields({ other: 1 }), /unknown field\(s\) other/));
});

describe("EnvironmentFields", () => {
  const names = { name: "APP_NAME", seconds: "APP_SECONDS" };
  const env = (values: Record<string, string>) => new EnvironmentFields(values, names);
  it("an empty variable is unset, and refused when required", () => {
    assert.equal(env({ APP_NAME: "" }).string("name", { pattern: /^x+$/ }), undefined);
    assert.throws(() => env({ APP_NAME: "" }).string("name", { required: true }), /environment APP_NAME must be set/);
    assert.throws(() => env({}).string("name", { required: true }), /environment APP_NAME must be set/);
  });
  it("a variable against its pattern", () => {
    assert.equal(env({ APP_NAME: "xx" }).string("name", { pattern: /^x+$/ }), "xx");
    assert.throws(() => env({ APP_NAME: "xy" }).string("name", { pattern: /^x+$/ }), /environment APP_NAME must be like/);
  });
  it("a field without a variable is absent", () => assert.equal(env({ APP_NAME: "x" }).string("other"), undefined));
  const seconds: Array<[string | undefined, number | "refused" | undefined]> = [
    [undefined, undefined],
    ["", undefined],
    ["900", 900],
    ["1800", 1800],
    ["3600", 3600],
    ["899", "refused"],
    ["3601", "refused"],
    [" 1800", "refused"],
    ["1800 ", "refused"],
    ["18x0", "refused"],
  ];
  for (const [value, expected] of seconds) {
    it(`APP_SECONDS=${JSON.stringify(value)} within [900, 3600]: ${String(expected)}`, () => {
      const read = () => env(value === undefined ? {} : { APP_SECONDS: value }).integer("seconds", 900, 3600);
      if (expected === "refused") assert.throws(read, /environment APP_SECONDS/);
      else assert.equal(read(), expected);
    });
  }
});

describe("key pairs by convention", () => {
  const names = { id: "ID", secret: "SECRET", token: "TOKEN" };
  const cases: Array<[Record<string, string>, Record<string, string> | undefined]> = [
    [{ ID: "a", SECRET: "s" }, { accessKeyId: "a", secretAccessKey: "s", source: "<ID>" }],
    [{ ID: "a", SECRET: "s", TOKEN: "t" }, { accessKeyId: "a", secretAccessKey: "s", securityToken: "t", source: "<ID>" }],
    [{ ID: "a", SECRET: "s", TOKEN: "" }, { accessKeyId: "a", secretAccessKey: "s", source: "<ID>" }],
    [{ ID: "", SECRET: "s" }, undefined],
    [{ ID: "a", SECRET: "" }, undefined],
    [{ SECRET: "s" }, undefined],
    [{ ID: "a" }, undefined],
  ];
  for (const [values, expected] of cases) {
    it(`${JSON.stringify(values)}`, () => assert.deepEqual(fromConvention((k) => values[k], names, (k) => `<${k}>`), expected));
  }
  it("from stack config, named after the id's key", () => {
    const config = (key: string) => ({ "alicloud:accessKey": "a", "alicloud:secretKey": "s" })[key];
    assert.equal(fromConfig(config, { id: "alicloud:accessKey", secret: "alicloud:secretKey" })?.source, "stack config alicloud:accessKey");
  });
});

describe("listing elements", () => {
  it("childElements of nothing, of a missing name, of one and of several", () => {
    assert.deepEqual(childElements(undefined, "Bucket"), []);
    assert.deepEqual(childElements({}, "Bucket"), []);
    assert.deepEqual(childElements({ Bucket: { Name: "a" } }, "Bucket"), [{ Name: "a" }]);
    assert.deepEqual(childElements({ Bucket: [{ Name: "a" }, { Name: "b" }] }, "Bucket"), [{ Name: "a" }, { Name: "b" }]);
  });
  const malformed: Array<[string, string]> = [
    ["no listing element", "<Other/>"],
    ["a listing that is only text", "<ListAllMyBucketsResult>text</ListAllMyBucketsResult>"],
    ["a bucket without a name", "<ListAllMyBucketsResult><Buckets><Bucket><Region>r</Region></Bucket></Buckets></ListAllMyBucketsResult>"],
    ["a bucket with an empty name", "<ListAllMyBucketsResult><Buckets><Bucket><Name></Name></Bucket></Buckets></ListAllMyBucketsResult>"],
  ];
  for (const [name, body] of malformed) {
    it(`${name} is malformed`, () => assert.throws(() => decodeBucketList(body, () => undefined), MalformedResponseError));
  }
});
