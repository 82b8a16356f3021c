import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    testTimeout: 20_000,
    // Preparing a test database (migrations, seed, aggregates) takes seconds, many more on a loaded CI machine.
    hookTimeout: 60_000,
    environment: "node",
    // server-only throws outside a React server bundle; tests import data-access modules directly.
    // next-intl imports "next/navigation" without an extension, which Node's ESM loader refuses: let Vite resolve it.
    server: { deps: { inline: ["next-intl", "use-intl"] } },
    alias: {
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
      // Pages read their messages with next-intl's server functions, as Next's server bundle resolves them.
      "next-intl/server": fileURLToPath(new URL("./node_modules/next-intl/dist/esm/development/server.react-server.js", import.meta.url)),
      "next-intl/config": fileURLToPath(new URL("./server/i18n/request.ts", import.meta.url)),
      "next/root-params": fileURLToPath(new URL("./lib/testing/root-params-stub.ts", import.meta.url)),
    },
  },
});
