import { CLOUD_NAMES } from "../model/constants";
import type { Cloud } from "../model/types";
import { aliyun } from "./aliyun";
import type { CloudModule } from "./cloudModule";
import { jdcloud } from "./jdcloud";

/**
 * The registry: every cloud this package manages, by the name a resource's `cloud` input uses.
 * Adding a cloud is one folder beside these, one line here and its name in `CLOUD_NAMES`; the
 * `satisfies` below fails the build when the two disagree.
 */
const CLOUD_MODULES = {
  jdcloud,
  aliyun,
} as const satisfies Readonly<Record<Cloud, CloudModule>>;

/** Every cloud's name, in registry order. */
export const CLOUDS: readonly Cloud[] = CLOUD_NAMES;

/** True when `name` is a cloud of the registry. */
export function isCloud(name: string): name is Cloud {
  return Object.prototype.hasOwnProperty.call(CLOUD_MODULES, name);
}

/** The module of `cloud`. */
export function cloudModule(cloud: Cloud): CloudModule {
  return CLOUD_MODULES[cloud];
}
