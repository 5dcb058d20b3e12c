import {
  CLOUDS,
  KMS_DATA_ENCRYPTION_VALUES,
  S3_KMS_WIRE_VALUE,
  SIGNATURE_VERSIONS,
  SSE_ALGORITHMS,
} from "../constants";
import type { BucketEncryptionState, Cloud, KmsDataEncryption, SignatureVersion, SseAlgorithm } from "../model";
import { bucketNameProblem } from "./bucketName";
import { normalizeEndpoint } from "./endpoint";
import { normalizeRegion } from "./region";

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

/** What each cloud accepts, from its document: JD Cloud "only supports SSE-KMS". */
export const SUPPORTED_ALGORITHMS: Readonly<Record<Cloud, readonly SseAlgorithm[]>> = {
  jdcloud: ["KMS"],
  aliyun: ["KMS", "AES256", "SM4"],
};

const INPUT_NAMES = [
  "cloud",
  "region",
  "bucket",
  "sseAlgorithm",
  "kmsMasterKeyId",
  "kmsDataEncryption",
  "endpoint",
  "signatureVersion",
] as const;
const ENGINE_KEYS = new Set(["__provider"]);
// A KMS key id or ARN: printable ASCII without spaces or XML-special characters.
const KMS_KEY_ID = /^[A-Za-z0-9:/_.@+=,-]{1,256}$/;

type Raw = Readonly<Record<string, unknown>>;

/**
 * Validates and normalises a resource's raw inputs. Pure: no request, no clock, no environment.
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
    if (!ENGINE_KEYS.has(key) && !(INPUT_NAMES as readonly string[]).includes(key)) {
      fail(key, `is not an input of BucketEncryption; the inputs are ${INPUT_NAMES.join(", ")}`);
    }
  }

  const cloudText = text("cloud", false);
  let cloud: Cloud | undefined;
  if (cloudText !== undefined) {
    if ((CLOUDS as readonly string[]).includes(cloudText)) cloud = cloudText as Cloud;
    else fail("cloud", `must be one of ${CLOUDS.join(", ")}`);
  }

  const regionText = text("region", false);
  let region: string | undefined;
  if (regionText !== undefined && cloud !== undefined) {
    const result = normalizeRegion(cloud, regionText);
    if ("region" in result) region = result.region;
    else fail("region", result.problem);
  }

  const bucket = text("bucket", false);
  if (bucket !== undefined && cloud !== undefined) {
    const problem = bucketNameProblem(cloud, bucket);
    if (problem !== undefined) fail("bucket", problem);
  }

  const sseAlgorithm = checkAlgorithm(text("sseAlgorithm", false), cloud, fail);

  const kmsMasterKeyId = text("kmsMasterKeyId", true);
  if (kmsMasterKeyId !== undefined) {
    if (!KMS_KEY_ID.test(kmsMasterKeyId)) {
      fail("kmsMasterKeyId", "must be a KMS key id or ARN: 1-256 letters, digits and : / _ . @ + = , -");
    } else if (sseAlgorithm !== undefined && sseAlgorithm !== "KMS") {
      // The service's InvalidArgument: "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS".
      fail("kmsMasterKeyId", `applies only when sseAlgorithm is KMS (it is ${sseAlgorithm}); remove it or set sseAlgorithm to KMS`);
    }
  }

  const kmsDataEncryptionText = text("kmsDataEncryption", true);
  let kmsDataEncryption: KmsDataEncryption | undefined;
  if (kmsDataEncryptionText !== undefined) {
    if (!(KMS_DATA_ENCRYPTION_VALUES as readonly string[]).includes(kmsDataEncryptionText)) {
      fail("kmsDataEncryption", `must be ${KMS_DATA_ENCRYPTION_VALUES.join(" or ")}`);
    } else if (cloud === "jdcloud") {
      fail("kmsDataEncryption", "is an Alibaba Cloud setting; JD Cloud does not accept it");
    } else if (sseAlgorithm !== undefined && sseAlgorithm !== "KMS") {
      fail("kmsDataEncryption", `applies only when sseAlgorithm is KMS (it is ${sseAlgorithm})`);
    } else {
      kmsDataEncryption = kmsDataEncryptionText as KmsDataEncryption;
    }
  }

  const endpointText = text("endpoint", true);
  let endpoint: string | undefined;
  if (endpointText !== undefined) {
    const result = normalizeEndpoint(endpointText);
    if ("endpoint" in result) endpoint = result.endpoint;
    else fail("endpoint", result.problem);
  }

  const signatureText = text("signatureVersion", true);
  let signatureVersion: SignatureVersion | undefined;
  if (signatureText !== undefined) {
    if (!(SIGNATURE_VERSIONS as readonly string[]).includes(signatureText)) {
      fail("signatureVersion", `must be ${SIGNATURE_VERSIONS.join(" or ")}`);
    } else if (cloud === "jdcloud") {
      fail("signatureVersion", "is an Alibaba Cloud setting; JD Cloud always uses AWS Signature V4");
    } else {
      signatureVersion = signatureText as SignatureVersion;
    }
  }

  if (failures.length > 0 || unknown || cloud === undefined || region === undefined || bucket === undefined || sseAlgorithm === undefined) {
    return { failures };
  }
  return {
    failures,
    state: {
      cloud,
      region,
      bucket,
      sseAlgorithm,
      ...(kmsMasterKeyId !== undefined ? { kmsMasterKeyId } : {}),
      ...(kmsDataEncryption !== undefined ? { kmsDataEncryption } : {}),
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(cloud === "aliyun" ? { signatureVersion: signatureVersion ?? "v4" } : {}),
    },
  };
}

function checkAlgorithm(
  value: string | undefined,
  cloud: Cloud | undefined,
  fail: (property: string, reason: string) => undefined,
): SseAlgorithm | undefined {
  if (value === undefined) return undefined;
  const algorithm = value === S3_KMS_WIRE_VALUE ? "KMS" : value;
  if (!(SSE_ALGORITHMS as readonly string[]).includes(algorithm)) {
    // The service would answer InvalidEncryptionAlgorithmError.
    return fail("sseAlgorithm", `must be one of ${SSE_ALGORITHMS.join(", ")} (${S3_KMS_WIRE_VALUE} is accepted for KMS)`);
  }
  const sse = algorithm as SseAlgorithm;
  if (cloud !== undefined && !SUPPORTED_ALGORITHMS[cloud].includes(sse)) {
    return fail("sseAlgorithm", `${sse} is not supported on ${cloud}; use ${SUPPORTED_ALGORITHMS[cloud].join(", ")}`);
  }
  return sse;
}
