#!/usr/bin/env node
import { PluginProvider } from "./PluginProvider";
import { startServer } from "./server";

/**
 * `pulumi-resource-bucket-encryption`: the provider plugin the Pulumi CLI starts (from PATH, a
 * Pulumi.yaml `plugins.providers` path, or its plugin cache). It serves the ResourceProvider
 * gRPC service on 127.0.0.1 and prints the port as the first line of stdout, which is how the
 * engine finds it; the engine's address (the first argument) is not needed to serve. Started by
 * hand with no argument, it waits for an engine to attach (`PULUMI_DEBUG_PROVIDERS`).
 */
async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(
      "Usage: pulumi-resource-bucket-encryption [engine-address]\n\n" +
        "The bucket-encryption Pulumi provider plugin. The Pulumi CLI starts it; it prints the port it serves on.\n" +
        "To debug, start it by hand and run pulumi with PULUMI_DEBUG_PROVIDERS=bucket-encryption:<port>.\n",
    );
    return;
  }
  const provider = new PluginProvider();
  const server = await startServer(provider);
  process.stdout.write(`${server.port}\n`);
  const stop = () => {
    void server.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Runs when loaded: this module is only ever an entry point (the npm bin, the bundled executable,
// whose bundler gives the entry no `require.main` of its own to compare with).
main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-bucket-encryption: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
