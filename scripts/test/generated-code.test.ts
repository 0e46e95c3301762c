import { createEnadClient, enadProvider } from "@loginkit/enad";
import { createVeroOmsClient } from "@loginkit/vero-oms";
import { describe, expect, test } from "vitest";
import { formatTypeScript } from "../src/format/format-typescript.js";
import { generateWorkspace } from "../src/generate-workspace.js";
import { createTemporaryWorkspace } from "./temporary-workspace.js";

async function generatedFiles() {
  const workspace = await createTemporaryWorkspace();
  const { written } = await generateWorkspace(await workspace.listSpecs(), workspace.packages);
  return written;
}

describe("generated code reads like the hand-written code", () => {
  test("index.ts and provider.ts are exactly as biome formats them, with the repository's settings", async () => {
    for (const result of await generatedFiles()) {
      for (const path of ["src/index.ts", "src/provider.ts", "src/types.ts"]) {
        const content = result.files.get(path)!;
        expect(formatTypeScript(content, path), `${result.entry.id}/${path}`).toBe(content);
        // Strings are data (a spec's description) and the header names a temporary path here.
        const long = content
          .split("\n")
          .filter((line) => line.length > 100 && !/^\s*"|^\/\/ This file is generated/.test(line));
        expect(long, `${result.entry.id}/${path}`).toEqual([]);
      }
    }
  });

  test("no operation is cast: the number of casts does not grow with the operations", async () => {
    const casts = new Map<number, number>();
    for (const result of await generatedFiles()) {
      const index = result.files.get("src/index.ts")!;
      expect(index).not.toMatch(/as FetchOptions/);
      const operations = (index.match(/^ {2}\w+: \["(GET|PUT|POST|DELETE|PATCH)"/gm) ?? []).length;
      casts.set(operations, (index.match(/\bas (unknown|Record|TypedOperations)\b/g) ?? []).length);
    }
    expect(casts.size).toBeGreaterThan(1);
    expect(new Set(casts.values()).size).toBe(1);
  });

  test("provider.ts carries the sign-in body's schema, reduced to the credentials subset", () => {
    expect(enadProvider.credentialsSchema).toEqual({
      type: "object",
      required: ["email", "password"],
      properties: {
        email: { type: "string", format: "email" },
        password: { type: "string", minLength: 10 },
      },
    });
  });
});

describe("typed calls are the spec's operations, less the ones the client makes itself", () => {
  const recordingFetch = () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      urls.push(new Request(input, init).url);
      return Response.json({ error: "invalid_credentials" }, { status: 401 });
    };
    return { urls, fetch };
  };

  test("sign-in, refresh and sign-out are not typed calls: a raw one would keep no token", () => {
    const enad = createEnadClient({ appId: "app", baseUrl: "https://shopper.example.com" });
    expect(Object.keys(enad.operations)).toEqual([]);
    // @ts-expect-error: Enad's sign-in is `client.signIn()`, not a typed call
    expect(enad.operations.login).toBeUndefined();
    const vero = createVeroOmsClient();
    expect(Object.keys(vero.operations).sort()).toEqual([
      "resetPassword",
      "startPasswordRecovery",
      "verifyPasswordRecovery",
    ]);
  });

  test("the client's sign-in fills Enad's app_id path input from appId", async () => {
    const { urls, fetch } = recordingFetch();
    const client = createEnadClient({
      appId: "app-from-client",
      baseUrl: "https://shopper.example.com",
      credentials: { email: "jane@example.com", password: "correct horse battery" },
      fetch,
      retry: false,
    });
    await expect(client.signIn()).rejects.toThrow();
    expect(urls.map((url) => new URL(url).pathname)).toEqual([
      "/api/v1/app-from-client/auth/login",
    ]);
  });

  test("a typed call refuses, at compile time, a body property the spec does not declare", async () => {
    const { urls, fetch } = recordingFetch();
    const client = createVeroOmsClient({ fetch, retry: false });
    await client.operations.startPasswordRecovery({
      // @ts-expect-error: `phone` is not a property of Vero's recovery-start body
      body: { email: "jane@example.com", phone: "1" },
    });
    expect(urls.map((url) => new URL(url).pathname)).toEqual(["/api/auth/recovery/start"]);
  });
});
