import type { BucketEncryptionState, BucketLocation, ServiceTarget } from "../model/types";
import type { BucketRequest } from "../requests/bucketRequest";
import { buildRequest } from "../requests/buildRequest";
import { buildServiceRequest } from "../requests/buildServiceRequest";
import { cloudModule } from "./index";

/** The base URL calls for `target` go to: its endpoint override, else the cloud's public regional endpoint. */
export function baseUrlOf(target: ServiceTarget): string {
  return target.endpoint ?? `https://${cloudModule(target.cloud).publicEndpointHost(target.region)}`;
}

/**
 * The unsigned request for one call on a bucket's rule: PUT carries `state`'s rule in the cloud's
 * XML; GET and DELETE need only the location. Pure.
 */
export function bucketRequestFor(state: BucketEncryptionState, operation: "put"): BucketRequest;
export function bucketRequestFor(location: BucketLocation, operation: "get" | "delete"): BucketRequest;
export function bucketRequestFor(state: BucketEncryptionState, operation: "put" | "get" | "delete"): BucketRequest;
export function bucketRequestFor(target: BucketLocation | BucketEncryptionState, operation: "put" | "get" | "delete"): BucketRequest {
  const body = operation === "put" && "sseAlgorithm" in target ? cloudModule(target.cloud).encodeRule(target) : "";
  return buildRequest({ baseUrl: baseUrlOf(target), bucket: target.bucket, region: target.region }, operation, body);
}

/** The unsigned service-level `GET /` (ListBuckets) to `target`'s region endpoint with `query`. Pure. */
export function serviceRequestFor(target: ServiceTarget, query: Readonly<Record<string, string>>): BucketRequest {
  return buildServiceRequest({ baseUrl: baseUrlOf(target), region: target.region }, query);
}
