import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { BUILT_CLI } from "../support/builtCli";

// A reader that stops early (`pulumi-bucket-encryption … | head`) closes the pipe before the
// output is written: the command ends quietly, without Node's EPIPE stack trace.

describe("stdout closed by its reader", () => {
  it("ends quietly with exit 0, no EPIPE trace on stderr", async () => {
    const child = spawn(process.execPath, [BUILT_CLI, "drift", "--help"], { stdio: ["ignore", "pipe", "pipe"] });
    // Closed before the command writes anything: its first write fails with EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(stderr, "");
    assert.equal(code, 0);
  });
});
