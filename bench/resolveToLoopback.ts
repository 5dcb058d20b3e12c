import dns from "node:dns";

// Preloaded (`node --require`, through NODE_OPTIONS) into every Node.js process of a benchmark
// run, including the dynamic provider the Pulumi CLI starts: names under the suffixes listed in
// BENCH_LOOPBACK_SUFFIXES (comma-separated) resolve to 127.0.0.1, every other name as usual. So
// the clients connect by the clouds' real virtual-hosted names, send them as SNI and Host, and
// verify certificates for them, while the servers stay on loopback.

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

const suffixes = (process.env["BENCH_LOOPBACK_SUFFIXES"] ?? "")
  .split(",")
  .map((s) => s.trim().toLowerCase().replace(/^\./, ""))
  .filter((s) => s !== "");

if (suffixes.length > 0) {
  const original = dns.lookup.bind(dns) as (hostname: string, options: unknown, callback: LookupCallback) => void;
  const covered = (hostname: string) => {
    const host = hostname.toLowerCase();
    return suffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  };
  const lookup = (hostname: string, options: unknown, callback?: LookupCallback): void => {
    const done = (typeof options === "function" ? options : callback) as LookupCallback;
    const opts = typeof options === "object" && options !== null ? (options as dns.LookupOptions) : {};
    if (!covered(hostname)) {
      original(hostname, typeof options === "function" ? {} : options, done);
      return;
    }
    process.nextTick(() => (opts.all === true ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
  };
  (dns as { lookup: unknown }).lookup = lookup;
}
