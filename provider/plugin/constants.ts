/** The provider plugin's names, fixed: users, docs and the generated SDKs rely on them. */

import { PLUGIN_PACKAGE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } from "../model/resourceTypes";

/** The Pulumi package and plugin name (`pulumi-resource-bucket-encryption`). */
export const PACKAGE_NAME = PLUGIN_PACKAGE;

/** The resource's type token. */
export const RESOURCE_TOKEN = PLUGIN_RESOURCE_TYPE;

/** The provider's type token, as the engine names it. */
export const PROVIDER_TOKEN = PLUGIN_PROVIDER_TYPE;

/** Where the CLI downloads the plugin's archives from: this repository's GitHub releases. */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-bucket-encryption/pulumi-bucket-encryption";

/** The repository, for the schema's links. */
export const REPOSITORY_URL = "https://github.com/pulumi-bucket-encryption/pulumi-bucket-encryption";
