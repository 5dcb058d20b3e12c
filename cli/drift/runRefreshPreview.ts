import path from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { OpenedWorkspace } from "../automation/openWorkspace";
import { commandMessage } from "../automation/commandMessage";
import { stackWithoutSelecting } from "../automation/stackWithoutSelecting";
import { type ConfigOverride, writeOverriddenConfig } from "./configOverrides";
import { newObservations, type Observations, observeEvent } from "./observeEvents";

/** Where and how to run the preview. */
export interface PreviewTarget {
  /** The project directory (holding Pulumi.yaml). */
  readonly workDir: string;
  /** The stack; the workspace's selected stack when absent. */
  readonly stack?: string;
  readonly parallel?: number;
  /** `--config key=value` passthrough, applied to a copy of the stack's config. */
  readonly config: readonly string[];
  readonly onEvent?: (event: EngineEvent, observations: Observations) => void;
}

/** What the preview produced. */
export interface PreviewOutcome {
  readonly project: string;
  readonly stack: string;
  readonly observations: Observations;
  /** Set when the CLI exited non-zero: its message (stderr), for errors no event explains. */
  readonly failure?: string;
  /** Stack config (decrypted) with the overrides applied, read only when asked. */
  readonly config: () => Promise<(key: string) => string | undefined>;
}

/**
 * Runs `preview --refresh` through the Automation API over an existing project and stack (in
 * `opened`, a workspace over `target.workDir` that the caller started opening early) and
 * folds its engine events. A refresh *preview* writes no state: the refresh's reads are shown,
 * not saved, and the workspace's selected stack stays as it was. The Pulumi CLI is the one on
 * PATH, with the process's environment (backend, PULUMI_HOME, passphrase, credentials), as a
 * user's own `pulumi` would run.
 */
export async function runRefreshPreview(
  target: PreviewTarget,
  parseOverride: (text: string, project: string) => ConfigOverride,
  opened: Promise<OpenedWorkspace>,
): Promise<PreviewOutcome> {
  const { api, workspace } = await opened;
  const settings = await workspace.projectSettings();
  const stackName = target.stack ?? (await workspace.stack())?.name;
  if (stackName === undefined) throw new Error(`no stack selected in ${target.workDir}: pass --stack <name>`);
  const stack = await stackWithoutSelecting(api, workspace, stackName);
  const overrides = target.config.map((text) => parseOverride(text, settings.name));
  const configDir = settings.config !== undefined ? path.resolve(target.workDir, settings.config) : target.workDir;
  const overridden = overrides.length > 0 ? writeOverriddenConfig(path.join(configDir, `Pulumi.${stackName.split("/").pop() ?? stackName}.yaml`), overrides) : undefined;
  const observations = newObservations();
  let failure: string | undefined;
  try {
    await stack.preview({
      refresh: true,
      ...(target.parallel !== undefined ? { parallel: target.parallel } : {}),
      ...(overridden !== undefined ? { configFile: overridden.file } : {}),
      color: "never",
      // The engine's own progress display is not shown to anyone here: skip drawing it.
      suppressProgress: true,
      onEvent: (event) => {
        observeEvent(observations, event);
        target.onEvent?.(event, observations);
      },
    });
  } catch (error) {
    failure = commandMessage(error);
  } finally {
    overridden?.dispose();
  }
  const config = async () => {
    const values = await stack.getAllConfig();
    const merged = new Map<string, string>(Object.entries(values).map(([k, v]) => [k, v.value]));
    for (const o of overrides) merged.set(o.key, o.value);
    return (key: string) => merged.get(key);
  };
  return { project: settings.name, stack: stackName, observations, ...(failure !== undefined ? { failure } : {}), config };
}
