import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { UNKNOWN_VALUE } from "../../../provider/model/constants";
import { decodeProperties, encodeProperties, SECRET_SIG, SPECIAL_SIG_KEY } from "../../../provider/plugin/wireValues";
import { secret, struct } from "../../support/pluginClient";

describe("wire values", () => {
  const cases: Array<{ name: string; wire: Record<string, unknown>; values: Record<string, unknown>; secrets: string[] }> = [
    { name: "plain values pass", wire: { cloud: "aliyun", n: 3, ok: true, none: null }, values: { cloud: "aliyun", n: 3, ok: true, none: null }, secrets: [] },
    { name: "a top-level secret is unwrapped and noted", wire: { kmsMasterKeyId: secret("key-1") }, values: { kmsMasterKeyId: "key-1" }, secrets: ["kmsMasterKeyId"] },
    { name: "a secret inside an object marks the top-level key", wire: { aliyun: { accessKey: secret("id"), profile: "p" } }, values: { aliyun: { accessKey: "id", profile: "p" } }, secrets: ["aliyun"] },
    { name: "a secret in a list", wire: { list: ["a", secret("b")] }, values: { list: ["a", "b"] }, secrets: ["list"] },
    { name: "a secret of a secret", wire: { x: secret(secret("v")) }, values: { x: "v" }, secrets: ["x"] },
    { name: "unknowns pass as the engine's sentinel", wire: { bucket: UNKNOWN_VALUE }, values: { bucket: UNKNOWN_VALUE }, secrets: [] },
    { name: "an object that only looks special is kept", wire: { x: { [SPECIAL_SIG_KEY]: "something else", value: 1 } }, values: { x: { [SPECIAL_SIG_KEY]: "something else", value: 1 } }, secrets: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const decoded = decodeProperties(struct(c.wire));
      assert.deepEqual(decoded.values, c.values);
      assert.deepEqual([...decoded.secretKeys].sort(), c.secrets);
    });
  }
  it("an absent Struct is empty", () => assert.deepEqual(decodeProperties(undefined), { values: {}, secretKeys: new Set() }));
  it("encodes secret keys wrapped and leaves undefined out", () => {
    const encoded = encodeProperties({ a: "1", b: "2", c: undefined }, new Set(["b"])).toJavaScript();
    assert.deepEqual(encoded, { a: "1", b: { [SPECIAL_SIG_KEY]: SECRET_SIG, value: "2" } });
  });
  it("decode(encode(values, secrets)) gives the values and the secrets back", () => {
    const value = fc.oneof(fc.string(), fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== SPECIAL_SIG_KEY && k !== "__proto__"), value, { maxKeys: 6 }), fc.func(fc.boolean()), (values, pick) => {
        const secrets = new Set(Object.keys(values).filter((k) => pick(k)));
        const decoded = decodeProperties(encodeProperties(values, secrets));
        assert.deepEqual(decoded.values, { ...values });
        assert.deepEqual([...decoded.secretKeys].sort(), [...secrets].sort());
      }),
      { numRuns: 300 },
    );
  });
});
