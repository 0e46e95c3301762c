import { afterAll, expect, test } from "vitest";
import type { SessionEvent } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets, recordOutput } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const TRACER_TYPES = [
  "request-start",
  "request-end",
  "send-start",
  "send-end",
  "renewal-start",
  "sign-out-start",
  "signed-in",
  "renewed",
  "signed-out",
  "refresh-refused",
] as const;

test("each send of a call is reported, the replay after a 401 included, and the tracer's traceparent reaches the provider on that send only", async () => {
  const provider = new FakeProvider("org");
  const { client, url } = setup("org", {}, provider);
  const events: SessionEvent[] = [];
  let sends = 0;
  client.onEvent(
    (event) => {
      events.push(recordOutput(event));
      if (event.type !== "send-start") return;
      sends++;
      event.propagate("traceparent", `00-${"a".repeat(32)}-${String(sends).padStart(16, "0")}-01`);
      // Nothing but trace context can be set this way: a credential is ignored.
      event.propagate("authorization", "Bearer forged");
      event.propagate("x-api-key", "forged");
    },
    { types: TRACER_TYPES },
  );
  await client.getAccessToken();
  provider.faults.push(() => new Response(null, { status: 401 }));

  const response = await client.fetch(url("/users"));
  expect(response.status).toBe(200);

  const sent = provider.requests.map((request) => [request.url, request.headers.traceparent]);
  expect(sent).toEqual([
    ["https://org.test/oauth/token", `00-${"a".repeat(32)}-0000000000000001-01`],
    ["https://org.test/users", `00-${"a".repeat(32)}-0000000000000002-01`],
    ["https://org.test/oauth/refresh", `00-${"a".repeat(32)}-0000000000000003-01`],
    ["https://org.test/users", `00-${"a".repeat(32)}-0000000000000004-01`],
  ]);
  for (const request of provider.requests) {
    expect(request.headers.authorization ?? "").not.toContain("forged");
    expect(request.headers["x-api-key"]).toBeUndefined();
  }
  const call = events.filter(
    (event) =>
      event.type.startsWith("send-") &&
      "send" in event &&
      event.send.url === "https://org.test/users",
  );
  expect(call.map((event) => [event.type, "status" in event ? event.status : undefined])).toEqual([
    ["send-start", undefined],
    ["send-end", 401],
    ["send-start", undefined],
    ["send-end", 200],
  ]);
  // One start and one end share their `send` object, as a request's events share `request`.
  expect(call[0]!.type === "send-start" && call[1]!.type === "send-end").toBe(true);
  expect((call[0] as { send: object }).send).toBe((call[1] as { send: object }).send);
  expect(events.map((event) => event.type).filter((type) => !type.startsWith("send-"))).toEqual([
    "renewal-start",
    "request-start",
    "request-end",
    "signed-in",
    "request-start",
    "renewal-start",
    "request-start",
    "request-end",
    "renewed",
    "request-end",
  ]);
});

test("a refused refresh token is reported before the sign-in that replaces it", async () => {
  const provider = new FakeProvider("org");
  provider.rotateRefreshTokens = true;
  const { client } = setup("org", {}, provider);
  const events: SessionEvent[] = [];
  client.onEvent((event) => events.push(recordOutput(event)), { types: TRACER_TYPES });
  await client.getAccessToken();
  provider.faults.push((request) =>
    request.url.endsWith("/oauth/refresh")
      ? Response.json(
          { error_code: "REFRESH_EXPIRED", message: "Refresh token expired" },
          { status: 401 },
        )
      : undefined,
  );
  await client.renew();
  expect(
    events
      .map((event) => event.type)
      .filter((type) => !type.startsWith("send-") && !type.startsWith("request-")),
  ).toEqual(["renewal-start", "signed-in", "renewal-start", "refresh-refused", "renewed"]);
  expect(events.find((event) => event.type === "refresh-refused")).toMatchObject({
    provider: "org-like",
    status: 401,
  });
  expect(events.find((event) => event.type === "renewed")).toMatchObject({ via: "sign-in" });
});

test("a plain onEvent listener gets none of the tracer's events, and the scope runs the work they begin", async () => {
  const plain: string[] = [];
  const scoped: string[] = [];
  const { client, url } = setup("org", { onEvent: (event) => plain.push(event.type) });
  client.onEvent(() => {}, {
    types: ["request-start", "renewal-start", "sign-out-start"],
    scope: (event, run) => {
      scoped.push(event.type);
      return run();
    },
  });
  await client.fetch(url("/users"));
  await client.signOut();
  for (const type of ["renewal-start", "sign-out-start", "send-start", "send-end"]) {
    expect(plain).not.toContain(type);
  }
  expect(scoped).toEqual(["request-start", "renewal-start", "request-start", "sign-out-start"]);
});

test("a scope that throws before running the work costs the work nothing", async () => {
  const { client, url } = setup("org");
  client.onEvent(() => {}, {
    types: ["request-start", "renewal-start"],
    scope: () => {
      throw new Error("broken tracer");
    },
  });
  expect((await client.fetch(url("/users"))).status).toBe(200);
});
