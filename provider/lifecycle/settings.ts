import { DEFAULT_TIMEOUTS, type TimeoutOptions } from "../client/EncryptionClient";
import type { ConfigLookup } from "../credentials";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../http/retryPolicy";

/** Stack config keys (namespace `bucketEncryption`) and environment variables that tune requests. */
export const SETTING_KEYS = {
  requestTimeoutMs: ["bucketEncryption:requestTimeoutMs", "PULUMI_BUCKET_ENCRYPTION_REQUEST_TIMEOUT_MS"],
  connectTimeoutMs: ["bucketEncryption:connectTimeoutMs", "PULUMI_BUCKET_ENCRYPTION_CONNECT_TIMEOUT_MS"],
  maxAttempts: ["bucketEncryption:maxAttempts", "PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS"],
  maxElapsedMs: ["bucketEncryption:maxElapsedMs", "PULUMI_BUCKET_ENCRYPTION_MAX_ELAPSED_MS"],
} as const;

/** Request deadlines and retry limits, from stack config, else the environment, else defaults. */
export interface RequestSettings {
  readonly timeouts: TimeoutOptions;
  readonly retry: RetryPolicy;
}

/** Reads the settings; a value that is not a positive integer is an error naming the key. */
export function readSettings(config: ConfigLookup, env: NodeJS.ProcessEnv): RequestSettings {
  const number = (keys: readonly [string, string], fallback: number): number => {
    const [configKey, envKey] = keys;
    const fromConfig = config(configKey);
    const raw = fromConfig ?? env[envKey];
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) <= 0) {
      throw new Error(`${fromConfig !== undefined ? configKey : envKey} must be a positive whole number, not ${JSON.stringify(raw)}`);
    }
    return Number(raw);
  };
  return {
    timeouts: {
      requestTimeoutMs: number(SETTING_KEYS.requestTimeoutMs, DEFAULT_TIMEOUTS.requestTimeoutMs),
      connectTimeoutMs: number(SETTING_KEYS.connectTimeoutMs, DEFAULT_TIMEOUTS.connectTimeoutMs),
    },
    retry: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: number(SETTING_KEYS.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts),
      maxElapsedMs: number(SETTING_KEYS.maxElapsedMs, DEFAULT_RETRY_POLICY.maxElapsedMs),
    },
  };
}
