import { CLOUDS, cloudModule, isCloud } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { KMS_DATA_ENCRYPTION_VALUES, SSE_ALGORITHMS } from "../constants";
import type { BucketEncryptionState, KmsDataEncryption, SignatureVersion, SseAlgorithm } from "../model";
import { normalizeEndpoint } from "./endpoint";
import { normalizeProps, PROPERTIES } from "./normalize";

/** One refused property, in the shape Pulumi prints: "property <p> value <v> has a problem: <reason>". */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** The outcome of `checkInputs`. `state` is present only when every input was known and valid. */
export interface CheckOutcome {
  readonly failures: readonly CheckFailure[];
  readonly state?: BucketEncryptionState;
}

const ENGINE_KEYS = new Set(["__provider"]);
// A KMS key id or ARN: printable ASCII without spaces or XML-special characters.
const KMS_KEY_ID = /^[A-Za-z0-9:/_.@+=,-]{1,256}$/;

type Raw = Readonly<Record<string, unknown>>;

/**
 * Validates a resource's raw inputs and returns them in normal form (`normalizeProps`). Pure: no
 * request, no clock, no environment. Every cloud-specific rule is asked of the cloud's module.
 * A value the engine does not know yet (during preview) is `isUnknown`: it is neither checked nor
 * reported, and no `state` is produced.
 */
export function checkInputs(raw: Raw, isUnknown: (value: unknown) => boolean = () => false): CheckOutcome {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string): undefined => {
    failures.push({ property, reason });
    return undefined;
  };
  let unknown = false;
  const text = (property: string, optional: boolean): string | undefined => {
    const value = raw[property];
    if (isUnknown(value)) {
      unknown = true;
      return undefined;
    }
    if (value === undefined || value === null || value === "") {
      return optional ? undefined : fail(property, "is required");
    }
    return typeof value === "string" ? value : fail(property, "must be a string");
  };

  for (const key of Object.keys(raw)) {
    if (!ENGINE_KEYS.has(key) && !(PROPERTIES as readonly string[]).includes(key)) {
      fail(key, `is not an input of BucketEncryption; the inputs are ${PROPERTIES.join(", ")}`);
    }
  }
  const normal = normalizeProps(raw);

  const cloudName = text("cloud", false);
  let module: CloudModule | undefined;
  if (cloudName !== undefined) {
    if (isCloud(cloudName)) module = cloudModule(cloudName);
    else fail("cloud", `must be one of ${CLOUDS.join(", ")}`);
  }

  const regionText = text("region", false);
  if (regionText !== undefined && module !== undefined) {
    const result = module.normalizeRegion(regionText);
    if ("problem" in result) fail("region", result.problem);
  }

  const bucket = text("bucket", false);
  if (bucket !== undefined && module !== undefined) {
    const problem = module.bucketNameProblem(bucket);
    if (problem !== undefined) fail("bucket", problem);
  }

  const sseAlgorithm = checkAlgorithm(text("sseAlgorithm", false), normal.sseAlgorithm, cloudName, module, fail);

  const kmsMasterKeyId = text("kmsMasterKeyId", true);
  if (kmsMasterKeyId !== undefined) {
    if (!KMS_KEY_ID.test(kmsMasterKeyId)) {
      fail("kmsMasterKeyId", "must be a KMS key id or ARN: 1-256 letters, digits and : / _ . @ + = , -");
    } else if (sseAlgorithm !== undefined && sseAlgorithm !== "KMS") {
      // The service's InvalidArgument: "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS".
      fail("kmsMasterKeyId", `applies only when sseAlgorithm is KMS (it is ${sseAlgorithm}); remove it or set sseAlgorithm to KMS`);
    }
  }

  const kmsDataEncryption = text("kmsDataEncryption", true);
  if (kmsDataEncryption !== undefined) {
    if (!(KMS_DATA_ENCRYPTION_VALUES as readonly string[]).includes(kmsDataEncryption)) {
      fail("kmsDataEncryption", `must be ${KMS_DATA_ENCRYPTION_VALUES.join(" or ")}`);
    } else if (module !== undefined && !module.acceptsKmsDataEncryption) {
      fail("kmsDataEncryption", `is not a setting of ${module.serviceName}; remove it`);
    } else if (sseAlgorithm !== undefined && sseAlgorithm !== "KMS") {
      fail("kmsDataEncryption", `applies only when sseAlgorithm is KMS (it is ${sseAlgorithm})`);
    }
  }

  const endpointText = text("endpoint", true);
  if (endpointText !== undefined) {
    const result = normalizeEndpoint(endpointText);
    if ("problem" in result) fail("endpoint", result.problem);
  }

  const signatureText = text("signatureVersion", true);
  if (signatureText !== undefined && module !== undefined) {
    if (module.signatureVersions.length === 0) {
      fail("signatureVersion", `is not a setting of ${module.serviceName}, which always uses ${module.signatureName}; remove it`);
    } else if (!(module.signatureVersions as readonly string[]).includes(signatureText)) {
      fail("signatureVersion", `must be ${module.signatureVersions.join(" or ")}`);
    }
  }

  if (failures.length > 0 || unknown || module === undefined || sseAlgorithm === undefined) return { failures };
  // Every value was validated above; the normal form holds each one once.
  return {
    failures,
    state: {
      cloud: normal.cloud as BucketEncryptionState["cloud"],
      region: normal.region as string,
      bucket: normal.bucket as string,
      sseAlgorithm,
      ...(normal.kmsMasterKeyId !== undefined ? { kmsMasterKeyId: normal.kmsMasterKeyId as string } : {}),
      ...(normal.kmsDataEncryption !== undefined ? { kmsDataEncryption: normal.kmsDataEncryption as KmsDataEncryption } : {}),
      ...(normal.endpoint !== undefined ? { endpoint: normal.endpoint as string } : {}),
      ...(normal.signatureVersion !== undefined ? { signatureVersion: normal.signatureVersion as SignatureVersion } : {}),
    },
  };
}

function checkAlgorithm(
  given: string | undefined,
  normalized: unknown,
  cloudName: string | undefined,
  module: CloudModule | undefined,
  fail: (property: string, reason: string) => undefined,
): SseAlgorithm | undefined {
  if (given === undefined) return undefined;
  if (typeof normalized !== "string" || !(SSE_ALGORITHMS as readonly string[]).includes(normalized)) {
    // The service would answer InvalidEncryptionAlgorithmError.
    const aliases = Object.entries(module?.algorithmAliases ?? {}).map(([alias, meaning]) => `${alias} is accepted for ${meaning}`);
    return fail("sseAlgorithm", `must be one of ${SSE_ALGORITHMS.join(", ")}${aliases.length > 0 ? ` (${aliases.join("; ")})` : ""}`);
  }
  const algorithm = normalized as SseAlgorithm;
  if (module !== undefined && !module.algorithms.includes(algorithm)) {
    return fail("sseAlgorithm", `${algorithm} is not supported on ${cloudName ?? module.serviceName}; use ${module.algorithms.join(", ")}`);
  }
  return algorithm;
}
