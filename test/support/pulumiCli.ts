import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { installPackage } from "./installPackage";
import type { Tools } from "./tools";

/** The outcome of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for a project: made for one test in a temp directory, or an existing one. */
export interface ProjectOptions {
  readonly tools: Tools;
  /** The program's JavaScript source, as a user would write it, for a project made in a temp directory. */
  readonly program?: string;
  /** An existing project directory to run in instead. */
  readonly projectDir?: string;
  /** Extra environment for every command (credentials, for instance). */
  readonly env?: Readonly<Record<string, string>>;
  readonly stack?: string;
}

/**
 * A Pulumi project in a temp directory, run by the real CLI fully offline: a file backend, a
 * passphrase secrets provider, update checks and plugin downloads off. The package is installed
 * into its node_modules from `npm pack`, as a user's `npm install` would.
 */
export class PulumiProject {
  readonly dir: string;
  readonly stack: string;
  private readonly home: string;
  private readonly env: Record<string, string>;

  private constructor(private readonly options: ProjectOptions, private readonly root: string) {
    this.dir = options.projectDir ?? path.join(root, "project");
    this.home = path.join(root, "home");
    this.stack = options.stack ?? "e2e";
    const backend = path.join(root, "backend");
    for (const dir of [this.home, backend]) mkdirSync(dir, { recursive: true });
    if (options.projectDir === undefined) {
      mkdirSync(this.dir, { recursive: true });
      installPackage(this.dir);
      writeFileSync(path.join(this.dir, "Pulumi.yaml"), "name: bucket-encryption-e2e\nruntime: nodejs\nmain: index.js\n");
      writeFileSync(path.join(this.dir, "package.json"), JSON.stringify({ name: "bucket-encryption-e2e", private: true }));
      this.setProgram(options.program ?? programFor([]));
    }
    const inherited: Record<string, string> = {};
    // Only what a process needs from the outside: no cloud credentials leak in by accident.
    for (const key of ["HOME", "TMPDIR", "LANG"]) {
      const value = process.env[key];
      if (value !== undefined) inherited[key] = value;
    }
    this.env = {
      ...inherited,
      PATH: options.tools.path,
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      ...(options.env ?? {}),
    };
  }

  /** Makes the project and its stack. */
  static async create(options: ProjectOptions): Promise<PulumiProject> {
    const root = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-e2e-"));
    const project = new PulumiProject(options, root);
    await project.must(["stack", "init", project.stack]);
    return project;
  }

  /** Replaces the program (the next `up` or `preview` runs it). */
  setProgram(source: string): void {
    writeFileSync(path.join(this.dir, "index.js"), source);
  }

  /** The environment every command of this project runs with (backend, PULUMI_HOME, passphrase, PATH, credentials). */
  environment(): Record<string, string> {
    return { ...this.env };
  }

  /** Runs `pulumi <args>` in the project; never throws on a non-zero exit. */
  run(args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.tools.pulumi, [...args, "--non-interactive", "--color", "never"], {
        cwd: this.dir,
        env: { ...this.env, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Runs `pulumi <args>` and throws with its output when it fails. */
  async must(args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<CliResult> {
    const result = await this.run(args, extraEnv);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  /** Sets a stack config value (as a secret when asked). */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.must(["config", "set", key, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
  }

  /** The stack's exported state (a deployment), as text. */
  async exportState(): Promise<string> {
    return (await this.must(["stack", "export", "--show-secrets=false"])).stdout;
  }

  /** Deletes everything the project wrote (for an existing project, its stack config file too). */
  dispose(): void {
    if (this.options.projectDir !== undefined) rmSync(path.join(this.dir, `Pulumi.${this.stack}.yaml`), { force: true });
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A program declaring one BucketEncryption per entry (args as given), exporting their outputs. */
export function programFor(resources: ReadonlyArray<{ name: string; args: Record<string, unknown> }>): string {
  return [
    `"use strict";`,
    `const { BucketEncryption } = require("pulumi-bucket-encryption");`,
    `const resources = ${JSON.stringify(resources)};`,
    `for (const r of resources) {`,
    `  const res = new BucketEncryption(r.name, r.args);`,
    `  exports[r.name] = { id: res.id, sseAlgorithm: res.sseAlgorithm, kmsMasterKeyId: res.kmsMasterKeyId };`,
    `}`,
    ``,
  ].join("\n");
}
