// Type-aware lint for every TypeScript file the build compiles; run by `npm test` (and so by CI).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // examples/plugin-typescript imports the SDK `pulumi package add` generates; its e2e test type-checks it against that SDK.
  { ignores: ["build/**", "node_modules/**", ".pulumi-test/**", "scripts/**/*.js", "eslint.config.mjs", ".dependency-cruiser.js", "examples/plugin-typescript/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused names starting with "_" are deliberate (ignored positional parameters).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // The serialized forwarders must use require(): Pulumi stores a module reference for them.
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // node:test's test/describe return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["test", "describe", "it", "suite", "before", "after", "beforeEach", "afterEach"] }] },
      ],
      eqeqeq: ["error", "always"],
    },
  },
);
