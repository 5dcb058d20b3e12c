/**
 * A cloud's settings as the provider plugin's configuration carries them (`bucket-encryption:aliyun`,
 * or an explicit provider's `aliyun` input): one object per cloud, each field read by the cloud's
 * credential chain under a configuration key (`alicloud:accessKey`). Each cloud lists its own; the
 * plugin's configuration and schema are built from these lists.
 */
export interface ProviderSetting {
  /** The field's name in the cloud's object (`accessKey`). */
  readonly name: string;
  /** The configuration key the credential chain reads it under (`alicloud:accessKey`). */
  readonly key: string;
  /** A secret: marked so in the schema, never shown. */
  readonly secret: boolean;
  readonly description: string;
  /** For an object-valued setting: its fields (read as JSON text under `key`). */
  readonly fields?: readonly SettingField[];
}

/** One field of an object-valued setting. */
export interface SettingField {
  readonly name: string;
  readonly type: "string" | "integer";
  readonly secret?: boolean;
  readonly description: string;
}
