import { cloudModule, isCloud } from "../clouds";
import { inertServerText } from "../errors/serverText";
import { identityOf } from "../credentials/identity";
import type { BucketLocation } from "../model/types";
import { parseResourceId } from "../validation/resourceId";
import { normalizeEndpoint } from "../http/endpoint";

/** Where the stored state says the rule lives, or why it cannot be used without guessing. */
export type LocationResult = { readonly location: BucketLocation } | { readonly problem: string };

type Props = Readonly<Record<string, unknown>>;


/**
 * The location `read` and `delete` send their request to: cloud, region and bucket from the
 * stored state, else from the id; the stored endpoint and signature version. Nothing else in the
 * state (the rule above all) is looked at, so whatever a server or an older release left there
 * cannot stop a refresh or a destroy. Pure.
 *
 * The request never goes anywhere the state does not name: a stored endpoint that today's rules
 * refuse (older or hand-edited state) is a problem naming it, never a reason to fall back to the
 * cloud's public endpoint.
 */
export function storedLocation(id: string, props: Props): LocationResult {
  const fromId = parseResourceId(id);
  const cloudName = typeof props["cloud"] === "string" && isCloud(props["cloud"]) ? props["cloud"] : fromId?.cloud;
  if (cloudName === undefined) {
    return { problem: `neither the state nor the id ${quote(id)} names a cloud this package manages` };
  }
  const cloud = cloudModule(cloudName);
  const sameCloudId = fromId?.cloud === cloudName ? fromId : undefined;

  const storedRegion = typeof props["region"] === "string" ? cloud.normalizeRegion(props["region"]) : undefined;
  const region = storedRegion !== undefined && "region" in storedRegion ? storedRegion.region : sameCloudId?.region;
  const storedBucket = props["bucket"];
  const bucket = typeof storedBucket === "string" && cloud.bucketNameProblem(storedBucket) === undefined ? storedBucket : sameCloudId?.bucket;
  if (region === undefined || bucket === undefined) {
    return { problem: `neither the state nor the id ${quote(id)} holds a valid ${region === undefined ? "region" : "bucket"} for ${cloudName}` };
  }

  const stored = props["endpoint"];
  let endpoint: string | undefined;
  if (typeof stored === "string" && stored !== "") {
    const result = normalizeEndpoint(stored);
    if ("problem" in result) {
      return { problem: `the stored endpoint ${quote(stored)} is refused by this release's rules (it ${result.problem}), and the request is never sent to another host instead` };
    }
    endpoint = result.endpoint;
  } else if (stored !== undefined && stored !== null && stored !== "") {
    return { problem: `the stored endpoint is not a string (${typeof stored}), and the request is never sent to another host instead` };
  }

  // A signature version is how to sign, not where to send: an unknown stored one falls back to the default.
  const signatureVersion = cloud.signatureVersions.find((v) => v === props["signatureVersion"]) ?? cloud.signatureVersions[0];
  // The identity kept in state still signs: a refresh or destroy of another account's bucket uses it.
  const identity = identityOf(props);
  return {
    location: {
      cloud: cloudName,
      region,
      bucket,
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(signatureVersion !== undefined ? { signatureVersion } : {}),
      ...identity,
    },
  };
}

// State may have been edited by hand: quoted values are bounded and inert like server text.
function quote(value: string): string {
  return JSON.stringify(inertServerText(value, 200));
}
