import type http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import type { ConnectionReuse } from "./connectionReuse";
import { regionalAuthority } from "./regionalAuthority";

/** HTTP's status for a request that reached a server not configured for its name (RFC 9110 §15.5.20). */
export const MISDIRECTED_REQUEST = 421;

/** What the agent has learnt about one regional endpoint (`authority:port`). */
interface RegionState {
  /** The certificate of the first connection made to the region; shared connections must present it. */
  certificate?: tls.PeerCertificate;
  /** The latest TLS session from the region, and the certificate it was made with. */
  session?: { readonly ticket: Buffer; readonly certificate: tls.PeerCertificate };
}

/** The options Node's Agent hands getName and createConnection (host, port, servername and TLS settings). */
type ConnectOptions = https.RequestOptions & tls.ConnectionOptions & { _agentKey?: string };

/** True when `certificate` is valid for `hostname` by the rules TLS itself applies (RFC 6125). */
export function certificateCovers(certificate: tls.PeerCertificate | undefined, hostname: string): boolean {
  return certificate !== undefined && tls.checkServerIdentity(hostname, certificate) === undefined;
}

/**
 * The session a new connection to `servername` may resume: the region's latest, and only when
 * the certificate that session was made with is valid for `servername` (RFC 8446 §4.6.1).
 */
export function resumableSession(servername: string, stored: RegionState["session"]): Buffer | undefined {
  return stored !== undefined && certificateCovers(stored.certificate, servername) ? stored.ticket : undefined;
}

/**
 * A keep-alive https Agent that pays less per bucket: the buckets of one regional endpoint
 * (`<bucket>.oss-<region>.aliyuncs.com`) resume one another's TLS sessions, and, in `coalesce`
 * mode, share one pool of connections. A connection opened for one bucket's name carries another
 * bucket's request only when the certificate it presented covers that name too (checked before
 * the request joins the pool); a connection whose certificate differs from the region's first is
 * never shared. A name the server answers with 421 is taken out of sharing for good
 * (see `reuseSocket`). In `none` mode it behaves as Node's own Agent: one pool per name.
 */
export class RegionalHttpsAgent extends https.Agent {
  private readonly regions = new Map<string, RegionState>();
  private readonly misdirected = new Set<string>();
  private readonly unshared = new WeakSet<Duplex>();
  private readonly openedFor = new WeakMap<Duplex, { readonly servername: string; readonly port: number }>();

  constructor(
    readonly reuse: ConnectionReuse,
    options: https.AgentOptions = {},
  ) {
    super({ keepAlive: true, ...options });
  }

  /** True when a request to `hostname:port` would now go to the region's shared pool. */
  coalesces(hostname: string, port: number | undefined): boolean {
    return this.sharedPoolKey(hostname, portOf(port)) !== undefined;
  }

  /**
   * New connections that offered their region's TLS session. Whether a server resumes a session
   * made under another name of its certificate is its own policy, so this is what the client
   * controls.
   */
  sessionsOffered = 0;

  /** True once a coalesced request to `hostname:port` was answered 421: it never shares again. */
  isMisdirected(hostname: string, port: number | undefined): boolean {
    return this.misdirected.has(originKey(hostname, port));
  }

  /**
   * Hands a kept connection to a request. When the connection was opened for another name, the
   * request is coalesced: a 421 answer takes its name out of sharing for good (RFC 9110 §15.5.20).
   */
  override reuseSocket(socket: net.Socket, request: http.ClientRequest): void {
    super.reuseSocket(socket, request);
    const openedFor = this.openedFor.get(socket);
    if (openedFor === undefined || openedFor.servername === request.host.toLowerCase()) return;
    const origin = originKey(request.host, openedFor.port);
    request.once("response", (response: http.IncomingMessage) => {
      if (response.statusCode === MISDIRECTED_REQUEST) this.misdirected.add(origin);
    });
  }

  /** The pool a request joins: its region's shared pool when allowed, else its own name's. */
  override getName(options: ConnectOptions = {}): string {
    const shared = this.sharedPoolKey(options.host ?? "", portOf(options.port));
    if (shared === undefined) return super.getName(options);
    // The TLS settings stay part of the key, so requests with other settings never share.
    return `shared:${super.getName({ ...options, host: shared, servername: shared })}`;
  }

  /** Opens a TLS connection, offering the region's session where its certificate allows. */
  override createConnection(options: ConnectOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex {
    const servername = options.servername ?? options.host ?? "";
    const region = this.regionKey(servername, portOf(options.port));
    const state = region !== undefined && this.reuse !== "none" ? this.stateOf(region) : undefined;
    const ticket = state !== undefined && options.session === undefined ? resumableSession(servername, state.session) : undefined;
    if (ticket !== undefined) this.sessionsOffered++;
    const socket = (super.createConnection as (o: ConnectOptions, cb?: typeof callback) => tls.TLSSocket)(
      ticket !== undefined ? { ...options, session: ticket } : options,
      callback,
    );
    if (state === undefined) return socket;
    this.openedFor.set(socket, { servername: servername.toLowerCase(), port: portOf(options.port) });
    const shared = options._agentKey?.startsWith("shared:") === true;
    socket.once("secureConnect", () => {
      const certificate = socket.getPeerCertificate();
      state.certificate ??= certificate;
      if (shared && certificate.fingerprint256 !== state.certificate.fingerprint256) this.unshared.add(socket);
    });
    socket.on("session", (session: Buffer) => {
      state.session = { ticket: session, certificate: socket.getPeerCertificate() };
    });
    return socket;
  }

  /** Keeps a connection for reuse unless its certificate differs from the one sharing was decided on. */
  override keepSocketAlive(socket: Duplex): boolean {
    if (this.unshared.has(socket)) return false;
    return (https.Agent.prototype.keepSocketAlive as (s: Duplex) => boolean).call(this, socket);
  }

  private sharedPoolKey(hostname: string, port: number): string | undefined {
    if (this.reuse !== "coalesce" || this.misdirected.has(originKey(hostname, port))) return undefined;
    const region = this.regionKey(hostname, port);
    if (region === undefined) return undefined;
    const certificate = this.regions.get(region)?.certificate;
    // Before the region's first handshake every connection is new and verified for its own
    // name by TLS itself; after it, a name joins only if the region's certificate covers it.
    if (certificate !== undefined && !certificateCovers(certificate, hostname)) return undefined;
    return regionalAuthority(hostname);
  }

  private regionKey(hostname: string, port: number): string | undefined {
    const authority = regionalAuthority(hostname);
    return authority !== undefined ? `${authority}:${port}` : undefined;
  }

  private stateOf(region: string): RegionState {
    let state = this.regions.get(region);
    if (state === undefined) this.regions.set(region, (state = {}));
    return state;
  }
}

function portOf(port: net.TcpNetConnectOpts["port"] | string | null | undefined): number {
  return port === undefined || port === null || port === "" ? 443 : Number(port);
}

function originKey(hostname: string, port: number | undefined): string {
  return `${hostname.toLowerCase()}:${portOf(port)}`;
}
