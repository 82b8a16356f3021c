import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The layers, and the only way arrows may point: app → components, app → server → db → lib.
// A wrong import fails `npm run lint` (and so `npm test`); eslint-boundaries.test.ts proves each rule bites.
const FRAMEWORK = ["next", "next/*", "better-auth", "better-auth/*", "server-only"];
const layer = (name, patterns, { allowTypeImports = false } = {}) => ({
  files: [`${name}/**/*.{ts,tsx}`],
  ignores: [`${name}/**/*.test.ts`],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: patterns.map(({ group, message }) => ({ group, message, allowTypeImports })) },
    ],
  },
});
const up = (folder) => [`@/${folder}`, `@/${folder}/**`, `**/../${folder}/**`];

export const BOUNDARIES = [
  // lib/: domain types, scoring and dashboard maths, validation, formatting, the extractor, the writers.
  layer("lib", [
    { group: [...up("db"), ...up("server"), ...up("app"), ...up("components")], message: "lib/ is logic without the framework: pass it plain data instead of reaching into another layer." },
    { group: [...FRAMEWORK, "better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "lib/ stays free of Next, better-auth and the database driver; that glue belongs in server/ or db/." },
  ]),
  // db/: the only code that reads and writes the database; it may use lib/, nothing above it.
  layer("db", [
    { group: [...up("server"), ...up("app"), ...up("components")], message: "db/ may import lib/ only: the layers above call db/, never the other way." },
    { group: ["next", "next/*", "better-auth", "better-auth/*", "react", "react-dom"], message: "db/ knows nothing of Next, React or auth: the server/ glue adapts it." },
  ]),
  // server/: glue between Next and the data layer (auth, guards, API handlers, export routes, caches).
  layer("server", [{ group: [...up("app"), ...up("components")], message: "server/ is called by app/; it never imports pages or components." }]),
  // components/: render what they are given. Types of the rows they render may be imported; code may not.
  layer(
    "components",
    [
      { group: [...up("db"), ...up("server"), ...up("app")], message: "components render what a page gives them: fetch in the page (db/) and pass data and server actions as props." },
      { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "components never touch the database." },
    ],
    { allowTypeImports: true },
  ),
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a value left out on purpose, e.g. when destructuring to omit a key.
      "@typescript-eslint/no-unused-vars": ["warn", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  ...BOUNDARIES,
  // Async data layer: a query or command whose promise is not awaited would run after the response,
  // or outside its transaction. Type-aware, so only where the database is called.
  {
    files: ["app/**/*.{ts,tsx}", "server/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", ".test-output/**", "next-env.d.ts"]),
]);
