/**
 * What a signer needs to know about one request to a bucket. Header names are lower-case;
 * query values are decoded (`{ encryption: "" }` for `?encryption`).
 */
export interface SignableRequest {
  readonly method: string;
  readonly bucket: string;
  /** The object key; empty for bucket calls such as `?encryption`. */
  readonly key: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

/** An access key as a signer needs it. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly securityToken?: string;
}
