// The provider's layers, written once: each may import only the layers listed before it (and
// itself); peers on one line may not import each other. `npm test` (via `npm run lint`) fails on
// a new import circle, an arrow back up, or a CLI file reaching past the internal entry point.
"use strict";

/** Bottom to top. */
const LAYERS = [
  ["model"],
  ["errors"],
  ["xml"],
  ["signing", "http", "credentials"],
  ["requests"],
  ["dialects"],
  ["clouds"],
  ["validation"],
  ["client"],
  ["lifecycle"],
  ["resource", "plugin"],
];

const folder = (name) => `^provider/${name}/`;
const layerRules = LAYERS.flatMap((peers, level) => {
  const above = LAYERS.slice(level + 1).flat();
  return peers.map((name) => ({
    name: `layer-${name}`,
    comment: `provider/${name} may import only ${LAYERS.slice(0, level).flat().join(", ") || "nothing of provider/"}${peers.length > 1 ? ` (not its peers ${peers.filter((p) => p !== name).join(", ")})` : ""}`,
    severity: "error",
    from: { path: folder(name) },
    to: { path: [...above, ...peers.filter((p) => p !== name)].map(folder).concat("^provider/[^/]+\\.ts$") },
  }));
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "an import circle, even a type-only one, hides which layer uses which", from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: "provider-folders-only",
      severity: "error",
      comment: "every provider module lives in a layer folder; the root holds only the entry points",
      from: { path: "^provider/[^/]+\\.ts$", pathNot: "^provider/(index|internal)\\.ts$" },
      to: {},
    },
    {
      name: "cli-through-internal",
      severity: "error",
      comment: "the CLI reaches the provider through provider/internal.ts only",
      from: { path: "^cli/" },
      to: { path: "^provider/", pathNot: "^provider/internal\\.ts$" },
    },
    {
      name: "provider-not-cli",
      severity: "error",
      comment: "the provider never imports the CLI",
      from: { path: "^provider/" },
      to: { path: "^cli/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(build|node_modules)/" },
  },
};
