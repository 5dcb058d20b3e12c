import { execFileSync, spawnSync } from "node:child_process";
import { ECS_METADATA_ADDRESS } from "./localEcsMetadata";

/**
 * A network namespace of its own where the ECS metadata address is local (on its loopback), so a
 * test can serve the address the credentials library hard-codes without touching the host's
 * network. Needs root (`ip netns`). Removed by `remove`.
 */
export class EcsNamespace {
  readonly name = `bucket-enc-ecs-${process.pid}`;

  create(): void {
    execFileSync("ip", ["netns", "add", this.name]);
    execFileSync("ip", ["-n", this.name, "link", "set", "lo", "up"]);
    execFileSync("ip", ["-n", this.name, "addr", "add", `${ECS_METADATA_ADDRESS}/32`, "dev", "lo"]);
  }

  /** Runs `node <script> ...args` inside the namespace; returns its stdout. */
  runNode(script: string, args: readonly string[], timeoutMs = 120_000): string {
    const result = spawnSync("ip", ["netns", "exec", this.name, process.execPath, script, ...args], { encoding: "utf8", timeout: timeoutMs });
    if (result.status !== 0) throw new Error(`node ${script} in ${this.name} exited ${String(result.status)}: ${result.stderr}`);
    return result.stdout;
  }

  remove(): void {
    execFileSync("ip", ["netns", "del", this.name]);
  }
}

/** Whether this process may create network namespaces (root with `ip`). */
export function canCreateNamespaces(): boolean {
  return process.getuid?.() === 0 && spawnSync("ip", ["netns", "list"]).status === 0;
}
