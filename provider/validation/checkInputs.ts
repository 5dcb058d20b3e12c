import { CLOUDS, cloudModule, isCloud } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { normalizeEndpoint } from "../http/endpoint";
import { SSE_ALGORITHMS } from "../model/constants";
import { ENGINE_KEYS, PROPERTIES } from "../model/properties";
import type { BucketEncryptionState, Cloud, PropertyProblem, ResourceIdentity, SseAlgorithm } from "../model/types";

/** One refused property, in the shape Pulumi prints: "property <p> value <v> has a problem: <reason>". */
export type CheckFailure = PropertyProblem;

/** The outcome of `checkInputs`. `state` is present only when every input was known and valid. */
export interface CheckOutcome {
  readonly failures: readonly CheckFailure[];
  readonly state?: BucketEncryptionState;
}

// A KMS key id or ARN: printable ASCII without spaces or XML-special characters.
const KMS_KEY_ID = /^[A-Za-z0-9:/_.@+=,-]{1,256}$/;

type Raw = Readonly<Record<string, unknown>>;

/**
 * Reads one raw input at a time, collecting refusals. A value the engine does not know yet is
 * neither checked nor reported, but marks the outcome unknown.
 */
class InputReader {
  readonly failures: CheckFailure[] = [];
  unknown = false;

  constructor(
    private readonly raw: Raw,
    private readonly isUnknown: (value: unknown) => boolean,
  ) {}

  /** Records a refusal; returns undefined so a check can end with `return reader.fail(…)`. */
  fail(property: string, reason: string): undefined {
    this.failures.push({ property, reason });
    return undefined;
  }

  /** The string value of `property`: empty and absent are the same; anything else is refused. */
  text(property: string, required: boolean): string | undefined {
    const value = this.raw[property];
    if (this.isUnknown(value)) {
      this.unknown = true;
      return undefined;
    }
    if (value === undefined || value === null || value === "") return required ? this.fail(property, "is required") : undefined;
    return typeof value === "string" ? value : this.fail(property, "must be a string");
  }
}

/**
 * Validates a resource's raw inputs and returns them in normal form, in one pass: each value is
 * checked and normalised once (the same normal form `normalizeProps` gives `diff` and `read`).
 * Pure: no request, no clock, no environment. Every cloud-specific rule is asked of the cloud's
 * module. A value the engine does not know yet (during preview) is `isUnknown`: it is neither
 * checked nor reported, and no `state` is produced.
 */
export function checkInputs(raw: Raw, isUnknown: (value: unknown) => boolean = () => false): CheckOutcome {
  const input = new InputReader(raw, isUnknown);
  for (const key of Object.keys(raw)) {
    if (!ENGINE_KEYS.includes(key) && !(PROPERTIES as readonly string[]).includes(key)) {
      input.fail(key, `is not an input of BucketEncryption; the inputs are ${PROPERTIES.join(", ")}`);
    }
  }
  const cloudName = input.text("cloud", true);
  const cloud = cloudName === undefined ? undefined : isCloud(cloudName) ? cloudName : input.fail("cloud", `must be one of ${CLOUDS.join(", ")}`);
  const module = cloud !== undefined ? cloudModule(cloud) : undefined;

  const region = checkRegion(input, module);
  const bucket = input.text("bucket", true);
  const bucketProblem = bucket !== undefined ? module?.bucketNameProblem(bucket) : undefined;
  if (bucketProblem !== undefined) input.fail("bucket", bucketProblem);
  const sseAlgorithm = checkAlgorithm(input, cloud, module);
  const kmsMasterKeyId = checkKmsKey(input, sseAlgorithm);
  const kmsDataEncryption = checkDataEncryption(input, module, sseAlgorithm);
  const endpoint = checkEndpoint(input);
  const signatureVersion = checkSignatureVersion(input, module);
  const identity = checkIdentity(input, module);

  if (input.failures.length > 0 || input.unknown || cloud === undefined || region === undefined || bucket === undefined || sseAlgorithm === undefined) {
    return { failures: input.failures };
  }
  return {
    failures: [],
    state: {
      cloud,
      region,
      bucket,
      sseAlgorithm,
      ...(kmsMasterKeyId !== undefined ? { kmsMasterKeyId } : {}),
      ...(kmsDataEncryption !== undefined ? { kmsDataEncryption } : {}),
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(signatureVersion !== undefined ? { signatureVersion } : {}),
      ...identity,
    },
  };
}

function checkRegion(input: InputReader, module: CloudModule | undefined): string | undefined {
  const text = input.text("region", true);
  if (text === undefined || module === undefined) return undefined;
  const result = module.normalizeRegion(text);
  return "region" in result ? result.region : input.fail("region", result.problem);
}

function checkAlgorithm(input: InputReader, cloud: Cloud | undefined, module: CloudModule | undefined): SseAlgorithm | undefined {
  const given = input.text("sseAlgorithm", true);
  if (given === undefined) return undefined;
  const aliases = module?.algorithmAliases ?? {};
  // Own keys only: an input may be "toString" or "__proto__".
  const meant = Object.prototype.hasOwnProperty.call(aliases, given) ? aliases[given] : given;
  const algorithm = SSE_ALGORITHMS.find((a) => a === meant);
  if (algorithm === undefined) {
    // The service would answer InvalidEncryptionAlgorithmError.
    const named = Object.entries(aliases).map(([alias, meaning]) => `${alias} is accepted for ${meaning}`);
    return input.fail("sseAlgorithm", `must be one of ${SSE_ALGORITHMS.join(", ")}${named.length > 0 ? ` (${named.join("; ")})` : ""}`);
  }
  if (cloud !== undefined && module !== undefined && !module.algorithms.includes(algorithm)) {
    return input.fail("sseAlgorithm", `${algorithm} is not supported on ${cloud}; use ${module.algorithms.join(", ")}`);
  }
  return algorithm;
}

function checkKmsKey(input: InputReader, algorithm: SseAlgorithm | undefined): string | undefined {
  const key = input.text("kmsMasterKeyId", false);
  if (key === undefined) return undefined;
  if (!KMS_KEY_ID.test(key)) return input.fail("kmsMasterKeyId", "must be a KMS key id or ARN: 1-256 letters, digits and : / _ . @ + = , -");
  // The service's InvalidArgument: "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS".
  if (algorithm !== undefined && algorithm !== "KMS") {
    return input.fail("kmsMasterKeyId", `applies only when sseAlgorithm is KMS (it is ${algorithm}); remove it or set sseAlgorithm to KMS`);
  }
  return key;
}

function checkDataEncryption(input: InputReader, module: CloudModule | undefined, algorithm: SseAlgorithm | undefined): string | undefined {
  const value = input.text("kmsDataEncryption", false);
  if (value === undefined || module === undefined) return undefined;
  if (module.kmsDataEncryptions.length === 0) return input.fail("kmsDataEncryption", `is not a setting of ${module.serviceName}; remove it`);
  if (!module.kmsDataEncryptions.includes(value)) return input.fail("kmsDataEncryption", `must be ${module.kmsDataEncryptions.join(" or ")}`);
  if (algorithm !== undefined && algorithm !== "KMS") return input.fail("kmsDataEncryption", `applies only when sseAlgorithm is KMS (it is ${algorithm})`);
  return value;
}

function checkEndpoint(input: InputReader): string | undefined {
  const text = input.text("endpoint", false);
  if (text === undefined) return undefined;
  const result = normalizeEndpoint(text);
  return "endpoint" in result ? result.endpoint : input.fail("endpoint", result.problem);
}

// Absent means the cloud's default, written out, so state always says how requests are signed.
function checkSignatureVersion(input: InputReader, module: CloudModule | undefined): string | undefined {
  const text = input.text("signatureVersion", false);
  if (module === undefined) return undefined;
  if (text === undefined) return module.signatureVersions[0];
  if (module.signatureVersions.length === 0) {
    return input.fail("signatureVersion", `is not a setting of ${module.serviceName}, which always uses ${module.signatureName}; remove it`);
  }
  return module.signatureVersions.includes(text) ? text : input.fail("signatureVersion", `must be ${module.signatureVersions.join(" or ")}`);
}

// The per-resource identity: a profile and/or a role to assume. Names only; the cloud says what
// each looks like there, or that it has no role assumption.
function checkIdentity(input: InputReader, module: CloudModule | undefined): ResourceIdentity {
  const rules = module?.identityRules;
  const named = (property: string, problemOf: ((value: string) => string | undefined) | undefined): string | undefined => {
    const value = input.text(property, false);
    if (value === undefined) return undefined;
    const problem = problemOf?.(value);
    return problem === undefined ? value : input.fail(property, problem);
  };
  const profile = named("profile", rules?.profileNameProblem);
  const roleArn = named("roleArn", rules?.roleArnProblem);
  const roleGiven = roleArn !== undefined || input.failures.some((f) => f.property === "roleArn");
  const withRole = (property: string, problemOf: ((value: string) => string | undefined) | undefined): string | undefined =>
    named(property, (value) => (roleGiven ? problemOf?.(value) : "applies only with roleArn; set roleArn or remove it"));
  const roleSessionName = withRole("roleSessionName", rules?.roleSessionNameProblem);
  const externalId = withRole("externalId", rules?.externalIdProblem);
  return {
    ...(profile !== undefined ? { profile } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(roleSessionName !== undefined ? { roleSessionName } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
  };
}
