/** A request setting (timeout, attempts) that is not a value the client can use; names the setting. */
export class SettingError extends Error {
  override readonly name = "SettingError";
  /** The configuration key (`bucketEncryption:maxAttempts`) or environment variable it came from. */
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.key = key;
  }
}
