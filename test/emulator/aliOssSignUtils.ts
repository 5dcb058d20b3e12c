// The official ali-oss signing functions, used as the oracle that verifies requests: the emulator
// never checks a signature with this project's own signer.
const signUtils = require("ali-oss/lib/common/signUtils") as AliOssSignUtils;

/** The subset of `ali-oss/lib/common/signUtils` the emulator calls (methods: they use `this`). */
export interface AliOssSignUtils {
  authorizationV4(
    accessKeyId: string,
    accessKeySecret: string,
    region: string,
    method: string,
    request: { headers: Record<string, string>; queries: Record<string, string | null> },
    bucketName: string,
    objectName: string,
    additionalHeaders: string[] | undefined,
  ): string;
  buildCanonicalString(
    method: string,
    resourcePath: string,
    request: { headers: Record<string, string>; parameters: Record<string, string | null> },
    expires?: string,
  ): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string): string;
}

export { signUtils };
