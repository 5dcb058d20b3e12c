import { SETTING_KEYS } from "../../client/settings";
import { CLOUDS, cloudModule } from "../../clouds";
import type { ProviderSetting } from "../../credentials/providerSettings";
import { CLOUD_NAMES, SSE_ALGORITHMS } from "../../model/constants";
import { PROPERTIES, type Property, PROPERTY_SPECS } from "../../model/properties";
import { PACKAGE_NAME, PLUGIN_DOWNLOAD_URL, REPOSITORY_URL, RESOURCE_TOKEN } from "../constants";
import { ENDPOINT_FIELD, REQUEST_SETTINGS } from "../providerConfig";
import type { PackageSpec, PropertySpec, TypeSpec } from "./schemaTypes";

const DESCRIPTION = "A bucket's default server-side encryption on JD Cloud OSS (S3 dialect, AWS Signature V4) and Alibaba Cloud OSS (OSS dialect, OSS4-HMAC-SHA256).";

const typeToken = (name: string) => `${PACKAGE_NAME}:index:${name}`;
const ref = (name: string) => `#/types/${typeToken(name)}`;
const titled = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

// The enums the resource's properties use, each derived from what the clouds accept.
const ENUMS = {
  cloud: { name: "Cloud", values: [...CLOUD_NAMES], description: "The clouds this package manages." },
  sseAlgorithm: { name: "SseAlgorithm", values: [...SSE_ALGORITHMS], description: "Default server-side encryption algorithms, in the package's shared vocabulary." },
  kmsDataEncryption: { name: "KmsDataEncryption", values: unique(CLOUDS.flatMap((c) => cloudModule(c).kmsDataEncryptions)), description: "Data encryption with KMS, where a cloud offers it." },
  signatureVersion: { name: "SignatureVersion", values: unique(CLOUDS.flatMap((c) => cloudModule(c).signatureVersions)), description: "Signature versions, where a cloud offers a choice." },
} as const satisfies Partial<Record<Property, { name: string; values: readonly string[]; description: string }>>;

const REQUEST_SETTING_DESCRIPTIONS: Readonly<Record<(typeof REQUEST_SETTINGS)[number], string>> = {
  requestTimeoutMs: "The most one attempt may take, in milliseconds (default 30000).",
  connectTimeoutMs: "The most opening a connection may take, in milliseconds (default 10000).",
  maxAttempts: "Attempts per operation, the first included, for transient failures only (default 5).",
  maxElapsedMs: "The most one operation may take with its retries, in milliseconds (default 60000).",
};

/**
 * The package schema of the `bucket-encryption` provider, derived from the code: the resource's
 * properties from the model's property table, enums from what the clouds accept, the provider's
 * configuration from each cloud's settings and the client's request settings. Nothing is written
 * twice, so the schema cannot drift from what the plugin does.
 */
export function buildSchema(version: string): PackageSpec {
  const settingsTypes = Object.fromEntries(CLOUDS.flatMap((cloud) => cloudSettingsTypes(cloud)));
  const enumTypes = Object.fromEntries(Object.values(ENUMS).map((e): [string, TypeSpec] => [typeToken(e.name), { type: "string", description: e.description, enum: e.values.map((value) => ({ value, name: enumMemberName(value) })) }]));
  const providerInputs: Record<string, PropertySpec> = {
    ...Object.fromEntries(CLOUDS.map((cloud) => [cloud, { $ref: ref(`${titled(cloud)}Settings`), description: `${cloudModule(cloud).serviceName}: credentials, and an endpoint for resources that name none. Without it, the environment and the CLI's profiles are used.` }])),
    ...Object.fromEntries(REQUEST_SETTINGS.map((s) => [s, { type: "integer", description: `${REQUEST_SETTING_DESCRIPTIONS[s]} Also \`${SETTING_KEYS[s][1]}\`.` }])),
  };
  return {
    name: PACKAGE_NAME,
    displayName: "Bucket Encryption",
    version,
    description: DESCRIPTION,
    keywords: ["pulumi", "oss", "encryption", "kms", "aliyun", "jdcloud", "category/cloud", "kind/native"],
    homepage: REPOSITORY_URL,
    repository: REPOSITORY_URL,
    license: "Apache-2.0",
    publisher: "pulumi-bucket-encryption",
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    meta: { moduleFormat: "(.*)" },
    // respectSchemaVersion: an SDK made by `pulumi package add` or `gen-sdk` carries this version;
    // without it the generators write a placeholder (Node.js `${VERSION}`, Python `0.0.0`) that
    // a release build would substitute, and a Node.js program fails to register a resource.
    language: {
      nodejs: { packageName: "@pulumi-bucket-encryption/bucket-encryption", packageDescription: DESCRIPTION, respectSchemaVersion: true },
      python: { packageName: "pulumi_bucket_encryption", respectSchemaVersion: true },
      go: { importBasePath: "github.com/pulumi-bucket-encryption/pulumi-bucket-encryption/sdk/go/bucketencryption", respectSchemaVersion: true },
      csharp: { rootNamespace: "PulumiBucketEncryption", respectSchemaVersion: true },
    },
    config: { variables: providerInputs },
    provider: {
      description: `The ${PACKAGE_NAME} provider: one object per cloud with its credentials and endpoint, and the request settings. A default provider reads them from stack config (\`${PACKAGE_NAME}:aliyun\`, …); explicit providers sign as other accounts.`,
      inputProperties: providerInputs,
    },
    resources: {
      [RESOURCE_TOKEN]: {
        description: "A bucket's default server-side encryption rule. `pulumi up` sets it (adopting one that exists), `pulumi refresh` reads the live rule, `pulumi destroy` removes it. The id is `<cloud>:<region>:<bucket>`, so `pulumi import` needs nothing else.",
        inputProperties: Object.fromEntries(PROPERTIES.map((p) => [p, propertySpec(p)])),
        requiredInputs: PROPERTIES.filter((p) => PROPERTY_SPECS[p].required),
        properties: Object.fromEntries(PROPERTIES.map((p) => [p, propertySpec(p)])),
        required: PROPERTIES.filter((p) => PROPERTY_SPECS[p].required),
      },
    },
    types: { ...enumTypes, ...settingsTypes },
  };
}

function propertySpec(property: Property): PropertySpec {
  const spec = PROPERTY_SPECS[property];
  const enumSpec = (ENUMS as Partial<Record<Property, { name: string }>>)[property];
  return {
    ...(enumSpec !== undefined ? { $ref: ref(enumSpec.name) } : { type: "string" as const }),
    description: spec.description,
    ...(spec.change === "replace" ? { willReplaceOnChanges: true } : {}),
  };
}

// `<Cloud>Settings`, and one object type per object-valued setting (`AliyunAssumeRole`).
function cloudSettingsTypes(cloud: (typeof CLOUDS)[number]): Array<[string, TypeSpec]> {
  const module = cloudModule(cloud);
  const nested = module.providerSettings.filter((s) => s.fields !== undefined).map((s): [string, TypeSpec] => [typeToken(`${titled(cloud)}${titled(s.name)}`), objectType(s)]);
  const properties: Record<string, PropertySpec> = Object.fromEntries(
    module.providerSettings.map((s) => [
      s.name,
      {
        ...(s.fields !== undefined ? { $ref: ref(`${titled(cloud)}${titled(s.name)}`) } : { type: "string" as const }),
        description: `${s.description} Like \`${s.key}\` for the dynamic resource.`,
        ...(s.secret ? { secret: true } : {}),
      },
    ]),
  );
  properties[ENDPOINT_FIELD] = { type: "string", description: `A base URL (\`https://host[:port]\`) for this provider's ${module.serviceName} resources that name no endpoint, and for \`pulumi import\` by id.` };
  return [[typeToken(`${titled(cloud)}Settings`), { type: "object", description: `${module.serviceName} settings of the provider.`, properties }], ...nested];
}

function objectType(setting: ProviderSetting): TypeSpec {
  return {
    type: "object",
    description: setting.description,
    properties: Object.fromEntries((setting.fields ?? []).map((f) => [f.name, { type: f.type, description: f.description, ...(f.secret === true ? { secret: true } : {}) }])),
  };
}

// Enum member names the code generators accept (letters and digits, starting with a letter).
function enumMemberName(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words.map(titled).join("");
  return /^[A-Za-z]/.test(name) ? name : `V${name}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
