import type { CloudModule } from "./cloudModule";
import { aliyun } from "./aliyun";
import { jdcloud } from "./jdcloud";

/**
 * The registry: every cloud this package manages, by the name a resource's `cloud` input uses.
 * Adding a cloud is one folder beside these and one line here.
 */
export const CLOUD_MODULES = {
  jdcloud,
  aliyun,
} as const satisfies Readonly<Record<string, CloudModule>>;

/** A cloud this package manages. */
export type Cloud = keyof typeof CLOUD_MODULES;

/** Every cloud's name, in registry order. */
export const CLOUDS = Object.keys(CLOUD_MODULES) as readonly Cloud[];

/** True when `name` is a cloud of the registry. */
export function isCloud(name: string): name is Cloud {
  return Object.prototype.hasOwnProperty.call(CLOUD_MODULES, name);
}

/** The module of `cloud`. */
export function cloudModule(cloud: Cloud): CloudModule {
  return CLOUD_MODULES[cloud];
}
