/**
 * The hint for RequestTimeTooSkewed: how far the local clock is from the server's `Date` header.
 * Both services refuse signatures more than 15 minutes off.
 */
export function clockSkewHint(serverDate: string | undefined, localNow: Date): string {
  const server = serverDate !== undefined ? Date.parse(serverDate) : Number.NaN;
  if (Number.isNaN(server)) {
    return "the local clock is off by more than 15 minutes from the service's; synchronise it (NTP) and retry";
  }
  const skewSeconds = Math.round((localNow.getTime() - server) / 1000);
  const direction = skewSeconds >= 0 ? "ahead of" : "behind";
  return `the local clock is ${Math.abs(skewSeconds)} s ${direction} the service's (server time ${new Date(server).toISOString()}); synchronise it (NTP) and retry`;
}
