import path from "node:path";
import type * as Yaml from "yaml";
import { readOptionalBoundedFile } from "../../../provider/internal";

/** The project files the Pulumi CLI reads, in its order. */
const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"];
/** A project file is a few hundred bytes; a template with a long description a few KiB. */
const PROJECT_FILE_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 5_000 };

/**
 * The name of the Pulumi project in `workDir`, from its project file (the first of
 * `Pulumi.yaml`, `Pulumi.yml`, `Pulumi.json` there, as the Automation API's local workspace
 * looks): what the report names, and the namespace of a `--config` key given without one. Read
 * within bounds of size and time. Rejects when there is no project file, it is no YAML, or it
 * names no project.
 */
export async function projectName(workDir: string): Promise<string> {
  for (const name of PROJECT_FILES) {
    const file = path.join(workDir, name);
    const text = await readOptionalBoundedFile(file, "the project file", PROJECT_FILE_LIMITS);
    if (text === undefined) continue;
    // YAML 1.2 reads JSON too. Loaded here: the reads this waits beside are CLI processes.
    const { parse } = require("yaml") as typeof Yaml;
    let settings: unknown;
    try {
      settings = parse(text);
    } catch {
      throw new Error(`the project file ${file} is not YAML`);
    }
    const project = typeof settings === "object" && settings !== null ? (settings as { name?: unknown }).name : undefined;
    if (typeof project !== "string" || project === "") throw new Error(`the project file ${file} names no project`);
    return project;
  }
  throw new Error(`no Pulumi project in ${workDir}: none of ${PROJECT_FILES.join(", ")} is there`);
}
