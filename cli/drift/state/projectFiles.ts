import path from "node:path";
import type * as Yaml from "yaml";
import type * as Internal from "../../../provider/internal";

/** The project files the Pulumi CLI reads, in its order. */
const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"];
/** A project or stack file is a few hundred bytes; one with a long description a few KiB. */
const FILE_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 5_000 };

/** A project's settings as its project file holds them. */
export interface ProjectSettings {
  readonly file: string;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/**
 * The Pulumi project in `workDir`, from its project file (the first of `Pulumi.yaml`,
 * `Pulumi.yml`, `Pulumi.json` there, as the Automation API's local workspace looks), read within
 * bounds of size and time. Rejects when there is no project file, it is no YAML, or it names no
 * project.
 */
export async function readProject(workDir: string): Promise<ProjectSettings> {
  for (const name of PROJECT_FILES) {
    const file = path.join(workDir, name);
    const text = await readOptionalFile(file, "the project file");
    if (text === undefined) continue;
    const settings = parseYaml(text);
    if (settings === undefined) throw new Error(`the project file ${file} is not a YAML mapping`);
    const project = settings["name"];
    if (typeof project !== "string" || project === "") throw new Error(`the project file ${file} names no project`);
    return { file, name: project, settings };
  }
  throw new Error(`no Pulumi project in ${workDir}: none of ${PROJECT_FILES.join(", ")} is there`);
}

/**
 * A file's text within the same bounds, or undefined when it does not exist. The provider's
 * entry point (which holds the bounded read) loads its whole client: required here, at the first
 * read, not when this module loads before the reads' CLI processes start.
 */
export function readOptionalFile(file: string, what: string): Promise<string | undefined> {
  const { readOptionalBoundedFile } = require("../../../provider/internal") as typeof Internal;
  return readOptionalBoundedFile(file, what, FILE_LIMITS);
}

/** YAML text (YAML 1.2 reads JSON too) as a mapping; undefined when it is not YAML or not a mapping. */
export function parseYaml(text: string): Readonly<Record<string, unknown>> | undefined {
  const { parse } = require("yaml") as typeof Yaml;
  try {
    const value: unknown = parse(text);
    return isMapping(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a parsed YAML value is a mapping. */
export function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
