import { fileURLToPath } from "node:url";
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import { expect, test } from "vitest";

const entry = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Bundles as a browser or edge app would be built: esbuild fails on any `node:` import. */
async function bundleForBrowser(file: string): Promise<string> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    conditions: ["edge-light", "worker", "browser"],
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

test("the in-process entry and the MSW entry bundle for browsers with no Node built-in", async () => {
  await expect(bundleForBrowser(entry("../../src/in-process.ts"))).resolves.toContain(
    "loginkit.test",
  );
  await expect(bundleForBrowser(entry("../../src/msw.ts"))).resolves.toContain("createMswHandlers");
});

test("the Node entry does not: it holds the node:http server", async () => {
  await expect(bundleForBrowser(entry("../../src/index.ts"))).rejects.toThrow(/node:/);
});

test("an in-process simulator signs in, authorizes and expires a token inside an edge runtime's VM", async () => {
  // Web APIs only, no Node built-ins. Code generation stays on: ajv compiles the spec's schemas
  // to functions (runtimes that forbid it, such as Cloudflare Workers, are named in the README).
  const vm = new EdgeVM({ codeGeneration: { strings: true, wasm: false } });
  vm.evaluate(await bundleForBrowser(entry("fixtures/edge-app.ts")));
  const result = JSON.parse(await vm.evaluate<Promise<string>>("signInAndCall()"));
  expect(result).toEqual({
    signIn: 200,
    protectedCall: 200,
    afterExpiry: 401,
    account: expect.any(String),
    violations: 0,
  });
});

test("without code generation, as on Cloudflare Workers, the validators cannot compile", async () => {
  const bundle = await bundleForBrowser(entry("fixtures/edge-app.ts"));
  const vm = new EdgeVM();
  const run = async () => {
    vm.evaluate(bundle);
    return await vm.evaluate<Promise<string>>("signInAndCall()");
  };
  await expect(run()).rejects.toThrow(/[Cc]ode generation from strings disallowed/);
});
