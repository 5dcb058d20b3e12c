import { DYNAMIC_RESOURCE_TYPE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } from "../../provider/internal";

/** The type token of the dynamic resource this package ships. */
export const BUCKET_ENCRYPTION_TYPE = DYNAMIC_RESOURCE_TYPE;

export { PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE };
