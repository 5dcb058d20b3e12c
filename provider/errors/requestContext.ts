import type { Cloud } from "../model/types";

/** Which resource and call an error belongs to: enough for a user to find it in a large stack. */
export interface RequestContext {
  /** The resource id, `<cloud>:<region>:<bucket>`. */
  readonly resource: string;
  readonly cloud: Cloud;
  readonly serviceName: string;
  /** `PUT`, `GET` or `DELETE`. */
  readonly method: string;
  /** The host (and port) the request goes to, for errors about the connection itself. */
  readonly host?: string;
  /** What was addressed when it is not the bucket's `?encryption` (`/ (ListBuckets)`). */
  readonly call?: string;
}

/** `PUT ?encryption on aliyun:cn-hangzhou:acme-logs (Alibaba Cloud OSS)`. */
export function describeRequest(context: RequestContext): string {
  return `${context.method} ${context.call ?? "?encryption"} on ${context.resource} (${context.serviceName})`;
}
