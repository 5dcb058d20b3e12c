/**
 * A credential source is configured but not well-formed (an assumeRole without roleArn, an
 * OIDC setting missing its token file). Found by `check`, before any request; the message names
 * the source and what is wrong, never a value.
 */
export class CredentialConfigError extends Error {
  override readonly name = "CredentialConfigError";
  /** The source, by name (`stack config alicloud:assumeRole`). */
  readonly source: string;

  constructor(source: string, problem: string) {
    super(`${source} ${problem}`);
    this.source = source;
  }
}
