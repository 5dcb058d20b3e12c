import { isIP } from "node:net";

/**
 * The regional endpoint a virtual-hosted bucket name belongs to: the name without its first
 * label (`acme-logs.oss-cn-hangzhou.aliyuncs.com` → `oss-cn-hangzhou.aliyuncs.com`), or
 * undefined for names that cannot be a bucket under an endpoint (IPs, `localhost`, names of fewer
 * than three labels). Buckets of one regional endpoint may share TLS sessions and connections,
 * but only where the endpoint's certificate covers each name: that check is made separately.
 */
export function regionalAuthority(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, "").toLowerCase();
  if (isIP(host.replace(/^\[|\]$/g, "")) !== 0) return undefined;
  const labels = host.split(".");
  if (labels.length < 3 || labels.some((label) => label === "")) return undefined;
  return labels.slice(1).join(".");
}
