import { createEnadClient, enadProvider } from "@loginkit/enad";
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
      for (const path of ["src/index.ts", "src/provider.ts"]) {
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

describe("a typed call fills path inputs from the client's value", () => {
  const recordingFetch = () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      urls.push(new Request(input, init).url);
      return Response.json({ error: "invalid_credentials" }, { status: 401 });
    };
    return { urls, fetch };
  };
  const body = { email: "jane@example.com", password: "correct horse battery" };

  test.each([
    ["without params, app_id comes from appId", undefined, "/api/v1/app-from-client/auth/login"],
    [
      "a call's own app_id wins",
      { path: { app_id: "app-for-this-call" } },
      "/api/v1/app-for-this-call/auth/login",
    ],
  ])("%s", async (_case, params, path) => {
    const { urls, fetch } = recordingFetch();
    const client = createEnadClient({
      appId: "app-from-client",
      baseUrl: "https://shopper.example.com",
      fetch,
      retry: false,
    });
    const { error, response } = await client.operations.login({ body, ...(params && { params }) });
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: "invalid_credentials" });
    expect(urls.map((url) => new URL(url).pathname)).toEqual([path]);
  });

  test("a typed call still refuses, at compile time, a body property the spec does not declare", async () => {
    const { urls, fetch } = recordingFetch();
    const client = createEnadClient({
      appId: "app",
      baseUrl: "https://shopper.example.com",
      fetch,
      retry: false,
    });
    // @ts-expect-error: `rememberMe` is not a property of Enad's login body
    await client.operations.login({ body: { ...body, rememberMe: true } });
    expect(urls).toHaveLength(1);
  });
});
