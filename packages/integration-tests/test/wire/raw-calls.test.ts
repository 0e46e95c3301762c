import { createEnadClient } from "@loginkit/enad";
import { createOrgPlatformClient } from "@loginkit/org-platform";
import { createPulseCrmClient } from "@loginkit/pulse-crm";
import { createVeroOmsClient } from "@loginkit/vero-oms";
import { describe, expect, test } from "vitest";
import { startRecordingServer } from "../support/recording-server.js";

const appId = "3f2a6c1e-8b4d-4f6a-9c2e-1d5b7a9e0f13";

/**
 * One raw openapi-fetch sign-in call per provider: what it sends, and what a success and an
 * error body look like. The calls go through @loginkit/core's fetch, which must leave them intact.
 */
const providers = [
  {
    name: "vero-oms",
    expectedPath: "/api/auth/login",
    body: { identifier: "jane@example.com", password: "hunter2-hunter2" },
    success: { sessionToken: "st", jwt: "jwt-value", session: {}, tokenizedSession: {} },
    failure: { error: "invalid_credentials", message: "Invalid credentials", status: 401 },
    call: (baseUrl: string, body: never) =>
      createVeroOmsClient({ baseUrl }).POST("/api/auth/login", { body }),
  },
  {
    name: "pulse-crm",
    expectedPath: "/auth/login",
    body: { apiKey: "pk_live_1", apiSecret: "sk_live_1" },
    success: { id: 7, email: "ops@example.com", token: "jwt-value" },
    failure: { message: "Invalid API key or secret" },
    call: (baseUrl: string, body: never) =>
      createPulseCrmClient({ baseUrl }).POST("/auth/login", { body }),
  },
  {
    name: "org-platform",
    expectedPath: "/auth/login",
    body: { username: "maria", password: "correct-horse" },
    success: { access_token: "jwt-value", jwt_token: "jwt-value", refresh_token: "r1" },
    failure: {
      error_code: "bad-credentials",
      message: "Invalid username and/or password",
      trace_id: "t",
    },
    call: (baseUrl: string, body: never) =>
      createOrgPlatformClient({ baseUrl }).POST("/auth/login", { body }),
  },
  {
    name: "enad",
    expectedPath: `/api/v1/${appId}/auth/login`,
    body: { email: "shopper@example.com", password: "long-enough-password" },
    success: {
      access_token: "jwt-value",
      expires_in: 3600,
      refresh_token: "r1",
      token_type: "Bearer",
      user: {},
    },
    failure: { message: "Invalid email or password" },
    call: (baseUrl: string, body: never) =>
      createEnadClient({ baseUrl, appId }).POST("/api/v1/{app_id}/auth/login", {
        params: { path: { app_id: appId } },
        body,
      }),
  },
] as const;

describe.each(providers)("$name raw sign-in call", (provider) => {
  test("sends POST to the documented path with a JSON body and no credential header", async () => {
    const server = await startRecordingServer({ status: 200, body: provider.success });
    await provider.call(server.url, provider.body as never);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: provider.expectedPath });
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.parse(request?.body ?? "")).toEqual(provider.body);
  });

  test("a 200 gives the parsed body as data and no error", async () => {
    const server = await startRecordingServer({ status: 200, body: provider.success });
    const { data, error, response } = await provider.call(server.url, provider.body as never);
    expect(response.status).toBe(200);
    expect(data).toEqual(provider.success);
    expect(error).toBeUndefined();
  });

  test.each([400, 401])(
    "a %i gives the parsed error body as error and no data, sent once",
    async (status) => {
      const server = await startRecordingServer({ status, body: provider.failure });
      const { data, error, response } = await provider.call(server.url, provider.body as never);
      expect(response.status).toBe(status);
      expect(error).toEqual(provider.failure);
      expect(data).toBeUndefined();
      expect(server.requests).toHaveLength(1);
    },
  );
});
