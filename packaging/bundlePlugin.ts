import { isBuiltin } from "node:module";
import path from "node:path";
import { build, formatMessages, type Metafile, type Plugin } from "esbuild";
import { esbuildNodeTarget } from "./embeddedNode";
import { REPO_ROOT } from "./layout";

/**
 * The global the bundler replaces with the plugin's version (a JSON string literal). Code that
 * needs its own version reads it first, `typeof __PULUMI_BUCKET_ENCRYPTION_VERSION__ === "string"`,
 * and falls back to package.json only outside the bundle: the executable has no package.json
 * beside it, and `__dirname` there is the folder of the executable.
 */
export const VERSION_GLOBAL = "__PULUMI_BUCKET_ENCRYPTION_VERSION__";

/** What the bundler made, and from what. */
export interface PluginBundle {
  readonly file: string;
  readonly bytes: number;
  /** The folders of the npm packages whose code is in the bundle, for their licence notices. */
  readonly packageDirs: readonly string[];
  /** Requires left out because the code guards them ({@link optionalRequires}): missing at run time. */
  readonly leftOut: readonly string[];
}

/** Options of {@link bundlePlugin}. */
export interface BundleOptions {
  readonly entry: string;
  readonly outfile: string;
  readonly version: string;
}

// The SDK's main index loads its whole runtime (the closure serializer, the Automation API, the
// language runtime) and reads files beside itself; the plugin needs only the generated gRPC stubs.
const PULUMI_SDK = "node_modules/@pulumi/pulumi/";
const PULUMI_PROTO = `${PULUMI_SDK}proto/`;

/**
 * Bundles the plugin's entry point and everything it requires into one CommonJS file for the
 * embedded runtime. Fails, rather than ships, when a require cannot be followed (the executable's
 * `require` loads only Node's built-in modules) or when the Pulumi SDK is reached beyond its
 * `proto/` stubs.
 */
export async function bundlePlugin(options: BundleOptions): Promise<PluginBundle> {
  const result = await build({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: esbuildNodeTarget(),
    // Paths in the bundle's comments are relative to this: the same on every machine.
    absWorkingDir: REPO_ROOT,
    // An entry outside the repository (a stand-in, `--entry`) still resolves the project's packages.
    nodePaths: [path.join(REPO_ROOT, "node_modules")],
    define: { [VERSION_GLOBAL]: JSON.stringify(options.version) },
    metafile: true,
    plugins: [onlyPulumiStubs],
    logLevel: "silent",
    // esbuild leaves a require whose module is named at run time in place, telling it only at
    // debug level; in the executable such a require could load nothing but a built-in.
    logOverride: { "unsupported-require-call": "warning", "unsupported-dynamic-import": "warning", "indirect-require": "warning" },
  });
  checkInputs(result.metafile);
  if (result.warnings.length > 0) {
    const text = await formatMessages(result.warnings, { kind: "warning" });
    throw new Error(`the bundle would not run as built:\n${text.join("\n")}`);
  }
  const output = Object.values(result.metafile.outputs)[0];
  return {
    file: options.outfile,
    bytes: output?.bytes ?? 0,
    packageDirs: packageDirs(Object.keys(result.metafile.inputs)),
    leftOut: optionalRequires(result.metafile),
  };
}

// Stops at the first import of the SDK outside proto/, naming the importing line, before esbuild
// walks the whole runtime behind it. checkInputs catches what reaches it some other way.
const onlyPulumiStubs: Plugin = {
  name: "only-pulumi-stubs",
  setup(bundler) {
    bundler.onResolve({ filter: /^@pulumi\/pulumi(\/|$)/ }, (args) =>
      args.path.startsWith("@pulumi/pulumi/proto/")
        ? undefined
        : { errors: [{ text: `the plugin must load only @pulumi/pulumi/proto/*, not ${args.path}: the SDK's runtime is heavy and reads files beside itself` }] },
    );
  },
};

function checkInputs(metafile: Metafile): void {
  for (const file of Object.keys(metafile.inputs)) {
    if (file.includes(PULUMI_SDK) && !file.includes(PULUMI_PROTO)) {
      const importers = Object.entries(metafile.inputs).filter(([, other]) => other.imports.some((i) => i.path === file)).map(([name]) => name);
      throw new Error(`the plugin must load only @pulumi/pulumi/proto/*, but ${importers.join(", ")} loads ${file}`);
    }
  }
}

/**
 * The requires left outside the bundle that are not Node built-ins, as `module (from file)`. No
 * `external` is configured, so esbuild leaves out only a require it cannot resolve inside a
 * try/catch (`debug` probing for `supports-color`): the library expects it may be missing, and in
 * the executable it always is.
 */
export function optionalRequires(metafile: Metafile): string[] {
  return Object.entries(metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => i.external === true && !isBuiltin(i.path) && !i.path.startsWith("node:")).map((i) => `${i.path} (from ${file})`),
  );
}

/** The package folders (relative to the repository) that bundled files belong to, e.g. `node_modules/@grpc/grpc-js`. */
export function packageDirs(inputs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1] !== undefined) dirs.add(match[1]);
  }
  return [...dirs].sort();
}
