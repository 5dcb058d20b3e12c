import { DEFAULT_TIMEOUTS, type TimeoutOptions } from "./EncryptionClient";
import { type ConfigLookup, configKeyName } from "../credentials/staticConventions";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../http/retryPolicy";
import { SettingError } from "../errors/SettingError";
import { MAX_TIMER_MS } from "../http/timerLimit";

/** Stack config keys (namespace `bucketEncryption`) and environment variables that tune requests. */
export const SETTING_KEYS = {
  requestTimeoutMs: ["bucketEncryption:requestTimeoutMs", "PULUMI_BUCKET_ENCRYPTION_REQUEST_TIMEOUT_MS"],
  connectTimeoutMs: ["bucketEncryption:connectTimeoutMs", "PULUMI_BUCKET_ENCRYPTION_CONNECT_TIMEOUT_MS"],
  maxAttempts: ["bucketEncryption:maxAttempts", "PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS"],
  maxElapsedMs: ["bucketEncryption:maxElapsedMs", "PULUMI_BUCKET_ENCRYPTION_MAX_ELAPSED_MS"],
} as const;

export { MAX_TIMER_MS } from "../http/timerLimit";

/** Request deadlines and retry limits, from stack config, else the environment, else defaults. */
export interface RequestSettings {
  readonly timeouts: TimeoutOptions;
  readonly retry: RetryPolicy;
}

/**
 * Reads the settings; a value that is not a positive whole number, or a duration longer than
 * Node's timers can hold, is an error naming the key.
 */
export function readSettings(config: ConfigLookup, env: NodeJS.ProcessEnv): RequestSettings {
  const number = (keys: readonly [string, string], fallback: number, max: number, unit: string): number => {
    const [configKey, envKey] = keys;
    const fromConfig = config(configKey);
    const raw = fromConfig ?? env[envKey];
    if (raw === undefined || raw === "") return fallback;
    const source = fromConfig !== undefined ? configKey : envKey;
    const key = fromConfig !== undefined ? configKeyName(config, configKey) : `environment ${envKey}`;
    // The value is configuration, not a secret, but it is still bounded before it is echoed.
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
    if (!/^\d+$/.test(raw) || Number(raw) <= 0) throw new SettingError(source, `${key} must be a positive whole number, not ${shown}`);
    if (Number(raw) > max) throw new SettingError(source, `${key} must be at most ${max} ${unit}, not ${shown}`);
    return Number(raw);
  };
  const ms = (keys: readonly [string, string], fallback: number) => number(keys, fallback, MAX_TIMER_MS, "ms (the longest delay Node's timers can hold)");
  return {
    timeouts: {
      requestTimeoutMs: ms(SETTING_KEYS.requestTimeoutMs, DEFAULT_TIMEOUTS.requestTimeoutMs),
      connectTimeoutMs: ms(SETTING_KEYS.connectTimeoutMs, DEFAULT_TIMEOUTS.connectTimeoutMs),
    },
    retry: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: number(SETTING_KEYS.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts, MAX_ATTEMPTS, "attempts"),
      maxElapsedMs: ms(SETTING_KEYS.maxElapsedMs, DEFAULT_RETRY_POLICY.maxElapsedMs),
    },
  };
}

// More attempts than this cannot fit the backoff into any useful deadline; the bound keeps the
// number a safe integer whatever is typed.
const MAX_ATTEMPTS = 1000;
