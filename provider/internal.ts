/**
 * The package's internal entry point: what the CLI (and the drift report, import and scan) use of
 * the provider's core, in one place. Not part of the public API (`index.ts`): names here may
 * change between minor releases. The CLI imports nothing else under `provider/`.
 */
export { createClient, type ConfiguredClient } from "./client/createClient";
export type { CredentialSettings } from "./client/credentialsByIdentity";
export { EncryptionClient, type RuleReading } from "./client/EncryptionClient";
export { DEFAULT_LIST_LIMITS, DEFAULT_LIST_PAGE_SIZE, type ListOptions } from "./client/listBuckets";
export { readSettings, SETTING_KEYS } from "./client/settings";
export { CLOUDS, cloudModule, isCloud } from "./clouds";
export { identityOf } from "./credentials/identity";
export type { ConfigLookup } from "./credentials/staticConventions";
export type { ListedBucket } from "./dialects/bucketListing";
export { AcknowledgementError } from "./errors/AcknowledgementError";
export { CredentialConfigError } from "./errors/CredentialConfigError";
export { CredentialSourceError } from "./errors/CredentialSourceError";
export { CredentialsError } from "./errors/CredentialsError";
export { ListingLimitError } from "./errors/ListingLimitError";
export { MalformedResponseError } from "./errors/MalformedResponseError";
export { inertServerText, MAX_SERVER_FIELD, MAX_SERVER_MESSAGE, visibleCodePoint } from "./errors/serverText";
export { ServiceError } from "./errors/ServiceError";
export { TransportError } from "./errors/TransportError";
export { normalizeEndpoint } from "./http/endpoint";
export { packageVersion } from "./http/userAgent";
export { diffStates } from "./lifecycle/diffStates";
export { SSE_ALGORITHMS, UNKNOWN_VALUE } from "./model/constants";
export { PROPERTIES, type Property } from "./model/properties";
export { DYNAMIC_RESOURCE_TYPE, isBucketEncryptionType, PLUGIN_PACKAGE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE, RESOURCE_TYPES } from "./model/resourceTypes";
export { defaultEndpointKey, defaultEndpointOf } from "./lifecycle/defaultEndpoints";
export { storedLocation, type LocationResult } from "./lifecycle/storedLocation";
export { PROVIDER_CONFIG_KEYS, readProviderConfig } from "./plugin/providerConfig";
export { realSurroundings } from "./credentials/surroundings";
// Bounded in type, size and time, for any small local file the CLI reads (a project file too).
export { readOptionalCredentialFile as readOptionalBoundedFile } from "./credentials/boundedFile";
export { formatResourceId } from "./model/resourceId";
export type { BucketAddress, BucketEncryptionState, BucketLocation, Cloud, LiveRule, ServiceTarget } from "./model/types";
export { bucketEncryptionProvider } from "./resource/serializedProvider";
export { checkInputs } from "./validation/checkInputs";
export { parseResourceId } from "./validation/resourceId";

import { CLOUDS, cloudModule } from "./clouds";

/** Every signature version any cloud offers a choice of (for a CLI option's choices). */
export const SIGNATURE_VERSION_CHOICES: readonly string[] = [...new Set(CLOUDS.flatMap((c) => cloudModule(c).signatureVersions))];
