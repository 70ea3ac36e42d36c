// ESLint: the recommended JavaScript and TypeScript rules over every source file. Formatting is Prettier's.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import aigov from "./eslint/aigovPlugin.js";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "docs/", "test-artifacts/", "bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // The browser scripts of the web app run in the page, not in Node.
  { files: ["src/web/client/**"], languageOptions: { globals: { ...globals.browser } } },
  // A text chosen by language belongs in its room's catalog, where a key missing in one language is a
  // type error; the catalogs (web/i18n/{zh,en}.ts, *Phrases.ts) are where both words are written, and
  // tests state the words they expect.
  {
    files: ["src/**/*.ts"],
    ignores: ["src/web/i18n/zh.ts", "src/web/i18n/en.ts", "src/**/*Phrases.ts", "src/**/*.test.ts"],
    plugins: { aigov },
    rules: { "aigov/no-inline-language-text": "error" },
  },
  // Absolute URLs come from the configured base URL, never from the request: pages are cached for
  // everyone, so a forged Host header would reach every reader after it.
  { files: ["src/**/*.ts"], plugins: { aigov }, rules: { "aigov/no-request-origin": "error" } },
  // The OpenAPI document is generated from the zod schemas the endpoints declare (src/http/openapi.ts):
  // a schema, a component reference or a parameter's schema written by hand beside them could drift
  // from what the API sends (issue 25, point 5). Tests may write what they check against.
  {
    files: ["src/http/**/*.ts", "src/app/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    plugins: { aigov },
    rules: { "aigov/no-handwritten-openapi": "error" },
  },
);
