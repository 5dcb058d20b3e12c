import type { Cloud } from "../model";
import { aliyunDialect } from "./aliyun";
import type { Dialect } from "./dialect";
import { jdcloudDialect } from "./jdcloud";

const DIALECTS: Readonly<Record<Cloud, Dialect>> = { aliyun: aliyunDialect, jdcloud: jdcloudDialect };

/** The dialect that speaks to `cloud`. */
export function dialectFor(cloud: Cloud): Dialect {
  return DIALECTS[cloud];
}
