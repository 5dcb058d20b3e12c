import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { PluginProvider } from "./PluginProvider";
import { resourceProviderService } from "./service";

/** A running provider server. */
export interface RunningServer {
  /** The port on 127.0.0.1 the engine connects to. */
  readonly port: number;
  /** Stops accepting calls, ends those in flight, and closes the provider's connections. */
  stop(): Promise<void>;
}

// The engine sends whole resource states; grpc-js's 4 MiB default is far above a rule, but the
// engine itself allows 400 MiB, and a refused message would be an error no user could act on.
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** Serves `provider` as Pulumi's ResourceProvider service on 127.0.0.1, on a port the system picks. */
export async function startServer(provider: PluginProvider, onAttach?: (engineAddress: string) => void): Promise<RunningServer> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE_BYTES, "grpc.max_send_message_length": MAX_MESSAGE_BYTES });
  server.addService(ResourceProviderService, resourceProviderService(provider, onAttach));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error !== null ? reject(error) : resolve(bound)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        provider.cancel();
        provider.close();
        server.tryShutdown(() => resolve());
      }),
  };
}
