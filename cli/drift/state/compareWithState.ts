import type { Cloud } from "../../../provider/internal";
import { type LocationResult, storedLocation } from "../../../provider/internal";
import type { LiveLookup } from "../classify";
import type { StacklessFinding } from "../model";
import { nameFromUrn } from "../observeEvents";
import { propertyDrifts, ruleOf } from "../rules";
import type { RecordedResource } from "./recordedResources";

type Props = Readonly<Record<string, unknown>>;

/**
 * Where a recorded resource's rule is read, exactly as a refresh reads it (cloud, region, bucket,
 * endpoint and identity from its outputs, else from its id); a plugin resource naming no endpoint
 * uses its provider's endpoint for its cloud. Pure.
 */
export function recordedLocation(resource: RecordedResource): LocationResult {
  return storedLocation(resource.id, withProviderEndpoint(resource));
}

/**
 * How the live rule compares with the rule the state recorded: in sync, drifted (each property,
 * recorded and live), rule missing, bucket missing, or could not be read: the GET failed
 * (`error`), or it was never sent (`notRead`: the state does not say where, or with what). Pure.
 */
export function compareWithState(resource: RecordedResource, lookup: LiveLookup | { readonly notRead: string }): StacklessFinding {
  const recorded = resource.outputs;
  const declared = ruleOf(recorded);
  const base = { ...identity(resource), ...(declared !== undefined ? { declared } : {}) };
  if ("notRead" in lookup) return { ...base, status: "unreadable", error: { message: `not read: ${lookup.notRead}` } };
  if ("error" in lookup) return { ...base, status: "unreadable", error: lookup.error };
  if ("absent" in lookup) return { ...base, status: lookup.absent === "no-bucket" ? "bucket-missing" : "rule-missing" };
  // The recorded outputs with the rule replaced by the live one: only rule properties can differ,
  // and they are compared as the provider's own diff compares them (normalised).
  const live: Props = {
    ...recorded,
    sseAlgorithm: lookup.rule.sseAlgorithm,
    kmsMasterKeyId: lookup.rule.kmsMasterKeyId,
    kmsDataEncryption: lookup.rule.kmsDataEncryption,
  };
  const liveRule = ruleOf(live);
  const withLive = liveRule !== undefined ? { ...base, live: liveRule } : base;
  const properties = propertyDrifts(live, recorded);
  return properties.length === 0 ? { ...withLive, status: "in-sync" } : { ...withLive, status: "drifted", properties };
}

function identity(resource: RecordedResource): Omit<StacklessFinding, "status"> {
  const text = (key: string) => {
    const value = resource.outputs[key];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const cloud = text("cloud");
  const region = text("region");
  const bucket = text("bucket");
  const id = resource.id !== "" ? resource.id : cloud !== undefined && region !== undefined && bucket !== undefined ? `${cloud}:${region}:${bucket}` : undefined;
  return {
    urn: resource.urn,
    name: nameFromUrn(resource.urn),
    ...(id !== undefined ? { id } : {}),
    ...(cloud !== undefined ? { cloud } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(bucket !== undefined ? { bucket } : {}),
    comparedWith: "state",
  };
}

function withProviderEndpoint(resource: RecordedResource): Props {
  const outputs = resource.outputs;
  if (resource.settings.kind !== "provider") return outputs;
  const own = outputs["endpoint"];
  if (typeof own === "string" && own !== "") return outputs;
  const cloud = outputs["cloud"];
  const endpoints = resource.settings.config.endpoints;
  // Own keys only: the cloud is data from state and may be any text.
  const endpoint = typeof cloud === "string" && Object.hasOwn(endpoints, cloud) ? endpoints[cloud as Cloud] : undefined;
  return endpoint !== undefined ? { ...outputs, endpoint } : outputs;
}
