import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CliResult } from "./pulumiCli";

/** How a YAML project runs the CLI. */
export interface YamlProjectOptions {
  /** The Pulumi CLI. */
  readonly pulumi: string;
  /** Pulumi.yaml's text. */
  readonly program: string;
  /** The whole PATH every command sees: the plugin and the language host are found only through it (or Pulumi.yaml). */
  readonly path: readonly string[];
  /** A PULUMI_HOME to use (a plugin cache filled beforehand); default: a new empty one. */
  readonly home?: string;
  /** Flags added to every command, e.g. a log verbosity. */
  readonly flags?: readonly string[];
  /** Flags added to the commands that run the engine (`up`, `preview`, `refresh`, `destroy`, `import`), e.g. `--debug`. */
  readonly engineFlags?: readonly string[];
  readonly stack?: string;
}

/** A config value for `pulumi config set-all --path`. */
export interface ConfigEntry {
  readonly key: string;
  readonly value: string;
  readonly secret?: boolean;
}

/** A resource as `pulumi stack export` shows it. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

// The commands that run the engine, and so start the plugin.
const ENGINE_COMMANDS = new Set(["up", "preview", "refresh", "destroy", "import"]);

// Longest a single CLI command may run: an up against loopback servers takes seconds.
const COMMAND_TIMEOUT_MS = 180_000;
// Output beyond this is cut (a -v=8 log of one command is tens of kilobytes).
const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;

/**
 * A `runtime: yaml` project in a temp directory, run by the real CLI fully offline (file backend,
 * passphrase secrets, no update check, no plugin download, no registry) with exactly the PATH it
 * is given: nothing from the caller's environment leaks in, credentials included. Every
 * command's output is kept in {@link YamlProject.transcript} for the secrets check.
 */
export class YamlProject {
  readonly dir: string;
  /** The file backend's folder: the state, its backups and history. */
  readonly backendDir: string;
  readonly stack: string;
  /** stdout and stderr of every command so far. */
  readonly transcript: string[] = [];
  private readonly env: Record<string, string>;

  private constructor(private readonly options: YamlProjectOptions, private readonly root: string) {
    this.dir = path.join(root, "project");
    this.backendDir = path.join(root, "backend");
    this.stack = options.stack ?? "e2e";
    const home = options.home ?? path.join(root, "pulumi-home");
    for (const dir of [this.dir, this.backendDir, home, path.join(root, "home")]) mkdirSync(dir, { recursive: true });
    this.setProgram(options.program);
    this.env = {
      HOME: path.join(root, "home"),
      PATH: options.path.join(path.delimiter),
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
    };
  }

  /** Makes the project in a new temp directory and its stack. */
  static async create(options: YamlProjectOptions): Promise<YamlProject> {
    const project = new YamlProject(options, mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-yaml-e2e-")));
    await project.must(["stack", "init", project.stack]);
    return project;
  }

  /** Replaces Pulumi.yaml (the next command runs it). */
  setProgram(text: string): void {
    writeFileSync(path.join(this.dir, "Pulumi.yaml"), text);
  }

  /** Pulumi.yaml as it is now. */
  program(): string {
    return readFileSync(path.join(this.dir, "Pulumi.yaml"), "utf8");
  }

  /** Runs `pulumi <args>` (plus the project's flags) in the project; never throws on a non-zero exit. */
  run(args: readonly string[]): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const engine = ENGINE_COMMANDS.has(args[0] ?? "") ? (this.options.engineFlags ?? []) : [];
      const child = spawn(this.options.pulumi, [...args, ...(this.options.flags ?? []), ...engine, "--non-interactive", "--color", "never"], {
        cwd: this.dir,
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => void (stdout.length < MAX_OUTPUT_CHARS && (stdout += d.toString())));
      child.stderr.on("data", (d: Buffer) => void (stderr.length < MAX_OUTPUT_CHARS && (stderr += d.toString())));
      const timer = setTimeout(() => child.kill("SIGKILL"), COMMAND_TIMEOUT_MS);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        this.transcript.push(stdout, stderr);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  /** Runs `pulumi <args>` and throws with its output when it fails. */
  async must(args: readonly string[]): Promise<CliResult> {
    const result = await this.run(args);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${tail(result.stderr)}`);
    return result;
  }

  /** Sets stack config in one command, keys read as paths (`bucket-encryption:aliyun.accessKey`). */
  async setConfig(entries: readonly ConfigEntry[]): Promise<void> {
    await this.must(["config", "set-all", "--path", ...entries.flatMap((e) => [e.secret === true ? "--secret" : "--plaintext", `${e.key}=${e.value}`])]);
  }

  /** The exported state as text, secrets left encrypted. */
  async exportState(): Promise<string> {
    return (await this.must(["stack", "export"])).stdout;
  }

  /** The state's resources (custom ones and the stack). */
  async resources(): Promise<StateResource[]> {
    const state = JSON.parse(await this.exportState()) as { deployment: { resources?: StateResource[] } };
    return state.deployment.resources ?? [];
  }

  /**
   * Every file the backend wrote under `under` (default: all of it: checkpoints and their backups
   * in `.pulumi/stacks`, update history with the stack's config in `.pulumi/history`), concatenated.
   */
  backendFiles(under = ""): string {
    const root = path.join(this.backendDir, under);
    return readdirSync(root, { recursive: true, encoding: "utf8" })
      .map((f) => path.join(root, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
  }

  /** Deletes everything the project wrote (a PULUMI_HOME passed in is the caller's). */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function tail(text: string): string {
  return text.length > 4000 ? `…${text.slice(-4000)}` : text;
}
