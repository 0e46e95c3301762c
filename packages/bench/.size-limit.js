// The bundle-size budgets `pnpm test` holds (size-limit; `pnpm --filter @loginkit/bench size` shows
// them). One entry per thing a user ships: core + each generated client under the browser and the
// Node conditions, the two token stores, testkit's MSW entry. Clients are found in specs/, so a
// fifth provider is measured with no edit here; they share one budget per condition.
//
// Budgets are gzipped bytes (gzip, as the issue and BENCHMARKS.md state them), about 10% over what
// was measured when each was set: enough for a fix, not for a new dependency. Outgrowing one should
// be a decision: raise it in the same commit and say why.
import { readdirSync } from "node:fs";

const specsDirectory = new URL("../../specs/", import.meta.url);
const providerIds = readdirSync(specsDirectory)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length))
  .sort();

/** A browser bundle (the `browser` export condition) or a Node bundle (`node`, built-ins external). */
const conditions = {
  browser: (config) => ({ ...config, platform: "browser", format: "esm", conditions: ["browser"] }),
  node: (config) => ({ ...config, platform: "node", format: "esm", conditions: ["node"] }),
};

/**
 * Gzipped budgets, in bytes, shared by every entry of one kind. Measured when set (issue #21:
 * the browser build, the lease protocol brought by coordinating stores): clients 22.2–23.1 kB in
 * the browser and 22.9–23.5 kB under Node, redis store 3.6 kB, browser store 2.6 kB (2.95 kB
 * once it shared refused sign-ins between tabs), the browser store with a client and the lease
 * protocol it brings 26.0 kB (26.3), testkit's in-process + MSW
 * entries 123.9 kB. Issue #21's browser target (12 kB) is far below: BENCHMARKS.md says where the
 * bytes go.
 */
const budgets = {
  clientBrowser: 25_500,
  clientNode: 26_000,
  redisStore: 3_900,
  browserStore: 3_300,
  clientWithBrowserStore: 28_500,
  testkitMsw: 135_000,
};

const bytes = (value) => `${value} B`;

// size-limit bundles a generated entry file in a temporary folder, where no package resolves; so
// each package is named by the file Node resolves it to from here. The bundler still resolves what
// that file imports (core above all) with the condition of the check.
const entryOf = (specifier) => new URL(import.meta.resolve(specifier)).pathname;

export default [
  ...providerIds.flatMap((id) => [
    {
      name: `core + @loginkit/${id} (browser)`,
      import: { [entryOf(`@loginkit/${id}`)]: "*" },
      modifyEsbuildConfig: conditions.browser,
      gzip: true,
      limit: bytes(budgets.clientBrowser),
    },
    {
      name: `core + @loginkit/${id} (node)`,
      import: { [entryOf(`@loginkit/${id}`)]: "*" },
      modifyEsbuildConfig: conditions.node,
      gzip: true,
      limit: bytes(budgets.clientNode),
    },
  ]),
  {
    name: "@loginkit/redis (node)",
    import: { [entryOf("@loginkit/redis")]: "*" },
    ignore: ["@loginkit/core"],
    modifyEsbuildConfig: conditions.node,
    gzip: true,
    limit: bytes(budgets.redisStore),
  },
  {
    name: "@loginkit/browser-store (browser)",
    import: { [entryOf("@loginkit/browser-store")]: "*" },
    ignore: ["@loginkit/core"],
    modifyEsbuildConfig: conditions.browser,
    gzip: true,
    limit: bytes(budgets.browserStore),
  },
  {
    // What a front end sharing one session between tabs ships: a client, the store, and the lease
    // protocol the store brings (a client alone does not carry it).
    name: "core + @loginkit/vero-oms + @loginkit/browser-store (browser)",
    import: {
      [entryOf("@loginkit/vero-oms")]: "{ createVeroOmsClient }",
      [entryOf("@loginkit/browser-store")]: "{ createBrowserTokenStore }",
    },
    modifyEsbuildConfig: conditions.browser,
    gzip: true,
    limit: bytes(budgets.clientWithBrowserStore),
  },
  {
    // What a browser test suite ships to mock a provider with MSW: the in-process simulator and
    // the handlers (MSW itself is the user's own dependency).
    name: "@loginkit/testkit/in-process + /msw (browser)",
    import: {
      [entryOf("@loginkit/testkit/in-process")]: "{ createSimulator }",
      [entryOf("@loginkit/testkit/msw")]: "{ createMswHandlers }",
    },
    ignore: ["msw"],
    modifyEsbuildConfig: conditions.browser,
    gzip: true,
    limit: bytes(budgets.testkitMsw),
  },
];
