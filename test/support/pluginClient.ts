import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PluginAttach, type PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import type { Surroundings } from "../../provider/credentials/surroundings";
import { PluginProvider } from "../../provider/plugin/PluginProvider";
import { type RunningServer, startServer } from "../../provider/plugin/server";
import { SECRET_SIG, SPECIAL_SIG_KEY } from "../../provider/plugin/wireValues";

/** A value wrapped as a Pulumi secret, as the engine sends one. */
export function secret(value: unknown): Record<string, unknown> {
  return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

/** A Struct of `values`, as the engine builds one. */
export function struct(values: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(values as Parameters<typeof Struct.fromJavaScript>[0]);
}

/**
 * The plugin's gRPC server in this process, with a client speaking to it over loopback as the
 * engine does: every call is a real proto message on the wire.
 */
export class PluginUnderTest {
  private constructor(
    readonly server: RunningServer,
    readonly client: ResourceProviderClient,
    readonly attached: string[],
  ) {}

  /** Starts a server over a provider with `env` and `surroundings` (no home files by default). */
  static async start(env: NodeJS.ProcessEnv = {}, surroundings: Surroundings = { fileExists: () => false, homeDir: "/nonexistent" }): Promise<PluginUnderTest> {
    const attached: string[] = [];
    const server = await startServer(new PluginProvider(env, () => surroundings), (address) => attached.push(address));
    const client = new ResourceProviderClient(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    return new PluginUnderTest(server, client, attached);
  }

  /** CheckConfig. */
  checkConfig(request: proto.CheckRequest): Promise<proto.CheckResponse> {
    return this.unary("checkConfig", request);
  }

  /** DiffConfig. */
  diffConfig(request: proto.DiffRequest): Promise<proto.DiffResponse> {
    return this.unary("diffConfig", request);
  }

  /** Configure with `args` (the provider's inputs). */
  configure(args: Record<string, unknown>): Promise<proto.ConfigureResponse> {
    return this.unary("configure", new proto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
  }

  /** Check. */
  check(request: proto.CheckRequest): Promise<proto.CheckResponse> {
    return this.unary("check", request);
  }

  /** Diff. */
  diff(request: proto.DiffRequest): Promise<proto.DiffResponse> {
    return this.unary("diff", request);
  }

  /** Create. */
  create(request: proto.CreateRequest): Promise<proto.CreateResponse> {
    return this.unary("create", request);
  }

  /** Read. */
  read(request: proto.ReadRequest): Promise<proto.ReadResponse> {
    return this.unary("read", request);
  }

  /** Update. */
  update(request: proto.UpdateRequest): Promise<proto.UpdateResponse> {
    return this.unary("update", request);
  }

  /** Delete. */
  delete(request: proto.DeleteRequest): Promise<Empty> {
    return this.unary("delete", request);
  }

  /** Cancel. */
  cancel(): Promise<Empty> {
    return this.unary("cancel", new Empty());
  }

  /** GetSchema. */
  schema(): Promise<proto.GetSchemaResponse> {
    return this.unary("getSchema", new proto.GetSchemaRequest());
  }

  /** Invoke (which the plugin does not serve). */
  invoke(request: proto.InvokeRequest): Promise<proto.InvokeResponse> {
    return this.unary("invoke", request);
  }

  /** GetPluginInfo. */
  pluginInfo(): Promise<PluginInfo> {
    return this.unary("getPluginInfo", new Empty());
  }

  /** Attach, as PULUMI_DEBUG_PROVIDERS makes the engine do. */
  attach(address: string): Promise<Empty> {
    return this.unary("attach", new PluginAttach().setAddress(address));
  }

  // One unary call by method name, as a promise (the generated client's overloads defeat inference).
  private unary<Res>(name: keyof ResourceProviderClient, request: unknown): Promise<Res> {
    const client = this.client as unknown as Record<string, (request: unknown, callback: (error: grpc.ServiceError | null, response: Res) => void) => unknown>;
    return new Promise((resolve, reject) => {
      client[name]?.(request, (error, response) => (error !== null ? reject(error) : resolve(response)));
    });
  }

  /** Closes the client and stops the server. */
  async stop(): Promise<void> {
    this.client.close();
    await this.server.stop();
  }
}
