import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readSettings, SETTING_KEYS } from "../../provider/client/settings";

type Key = keyof typeof SETTING_KEYS;

// Where each setting lands in the result.
const FIELD: Record<Key, (s: ReturnType<typeof readSettings>) => number> = {
  requestTimeoutMs: (s) => s.timeouts.requestTimeoutMs,
  connectTimeoutMs: (s) => s.timeouts.connectTimeoutMs,
  maxAttempts: (s) => s.retry.maxAttempts,
  maxElapsedMs: (s) => s.retry.maxElapsedMs,
};
const KEYS = Object.keys(SETTING_KEYS) as Key[];

const configOf = (values: Record<string, string>) => (key: string) => values[key];
const noConfig = configOf({});

describe("readSettings", () => {
  it("gives the documented defaults when nothing is set", () => {
    assert.deepEqual(readSettings(noConfig, {}), {
      timeouts: { requestTimeoutMs: 30_000, connectTimeoutMs: 10_000 },
      retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxElapsedMs: 60_000 },
    });
  });

  for (const key of KEYS) {
    const [configKey, envKey] = SETTING_KEYS[key];
    it(`${key}: stack config ${configKey} wins over ${envKey}, which wins over the default`, () => {
      const others = (s: ReturnType<typeof readSettings>) => KEYS.filter((k) => k !== key).map((k) => FIELD[k](s));
      const defaults = readSettings(noConfig, {});
      const fromEnv = readSettings(noConfig, { [envKey]: "123" });
      const fromConfig = readSettings(configOf({ [configKey]: "321" }), { [envKey]: "123" });
      assert.deepEqual([FIELD[key](fromEnv), FIELD[key](fromConfig)], [123, 321]);
      assert.deepEqual(others(fromEnv), others(defaults), "no other setting moves");
      assert.deepEqual(others(fromConfig), others(defaults), "no other setting moves");
      assert.equal(FIELD[key](readSettings(noConfig, { [envKey]: "" })), FIELD[key](defaults), "an empty variable is unset");
    });
  }

  // Not positive whole numbers, each from config and from the environment: the error names the
  // key the value came from and quotes the value, so the user knows which line to fix.
  const REFUSED = ["0", "-5", "1.5", "1e3", "0x10", " 10", "10ms", "abc", "+7"];
  for (const key of KEYS) {
    const [configKey, envKey] = SETTING_KEYS[key];
    it(`${key}: refuses ${REFUSED.map((r) => JSON.stringify(r)).join(", ")} from config and from the environment, naming the key`, () => {
      for (const raw of REFUSED) {
        const expected = (name: string) => ({ message: `${name} must be a positive whole number, not ${JSON.stringify(raw)}` });
        assert.throws(() => readSettings(configOf({ [configKey]: raw }), {}), expected(`stack config ${configKey}`));
        assert.throws(() => readSettings(noConfig, { [envKey]: raw }), expected(`environment ${envKey}`));
        // A bad value in config is reported as config's even when the environment holds a good one.
        assert.throws(() => readSettings(configOf({ [configKey]: raw }), { [envKey]: "100" }), expected(`stack config ${configKey}`));
      }
    });
  }
});
