import { afterAll, expect, test } from "vitest";
import { AuthenticationError, HttpError, type LoginkitError } from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { answer } from "../helpers/hostile-bodies.js";
import { captureError, expectNoLeakedSecrets, PASSWORD } from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const VALIDATION = { code: "VALIDATION", message: "password: must be at least 10 characters" };

test.each([400, 403, 404, 409, 422, 429, 500, 503])(
  "a sign-in refused with %i keeps the provider's message, status and code in the error's message",
  async (status) => {
    const { client, provider } = setup("vero", { retry: false });
    provider.faults.push(() => answer(JSON.stringify(VALIDATION), status));
    const error = (await captureError(client.signIn())) as Error;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe(
      `Vero-like OMS signIn failed with status ${status} (VALIDATION): password: must be at least 10 characters`,
    );
  },
);

test("a 401 refusal says status and code as well as the provider's message", async () => {
  const { client } = setup("vero", {
    credentials: { email: "ada@example.com", password: "wrong-pw" },
  });
  const error = (await captureError(client.signIn())) as Error;
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error.message).toBe(
    "Vero-like OMS signIn refused with status 401 (INVALID_CREDENTIALS): Wrong email or password",
  );
});

test("Enad's 400 invalid_grant is an AuthenticationError that keeps its description", async () => {
  const { client } = setup("enad", {
    credentials: { email: "ada@example.com", password: "wrong-pw" },
  });
  const error = (await captureError(client.signIn())) as Error;
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error.message).toBe("Enad-like signIn refused with status 400 (invalid_grant): Bad login");
});

test.each([
  [
    "error_description",
    { error: "invalid_request", error_description: "email is required" },
    "(invalid_request): email is required",
  ],
  [
    "errors[0].message",
    { errors: [{ code: "E42", message: "app_id is unknown" }] },
    "(E42): app_id is unknown",
  ],
  [
    "error.message",
    { error: { code: "bad_app", message: "No such app" } },
    "(bad_app): No such app",
  ],
  [
    "detail (problem+json)",
    { title: "Bad Request", detail: "password too short" },
    ": password too short",
  ],
] as const)("the provider's message is found in %s", async (_name, body, expected) => {
  const { client, provider } = setup("vero", { retry: false });
  provider.faults.push(() => answer(JSON.stringify(body), 422));
  const error = (await captureError(client.signIn())) as Error;
  expect(error.message).toBe(
    `Vero-like OMS signIn failed with status 422 ${expected}`.replace(" :", ":"),
  );
});

test("a plain-text refusal is quoted; an HTML page is not", async () => {
  const { client, provider } = setup("vero", { retry: false });
  provider.faults.push(() => answer("Unknown app id", 400, "text/plain"));
  expect(((await captureError(client.signIn())) as Error).message).toBe(
    "Vero-like OMS signIn failed with status 400: Unknown app id",
  );
  provider.faults.push(() => answer("<html><body><h1>400</h1></body></html>", 400, "text/html"));
  expect(((await captureError(client.signIn())) as Error).message).toBe(
    "Vero-like OMS signIn failed with status 400",
  );
});

test("the provider's message is scrubbed, kept on one line and cut short", async () => {
  const { client, provider } = setup("vero", { retry: false });
  const long = `bad\r\npassword ${PASSWORD}\u001b[31m ${"x".repeat(1_000)}`;
  provider.faults.push(() => answer(JSON.stringify({ message: long }), 400));
  const error = (await captureError(client.signIn())) as LoginkitError;
  expect(error.message).toMatch(
    /^Vero-like OMS signIn failed with status 400: bad password \[redacted\] \[31m x+…$/,
  );
  expect(error.message.length).toBeLessThan(400);
});

test("session() failures keep the provider's message too", async () => {
  const { client, provider } = setup("pulse", { retry: false });
  await client.signIn();
  provider.faults.push(() =>
    answer(JSON.stringify({ message: "account suspended", code: "SUSPENDED" }), 403),
  );
  const error = (await captureError(client.session())) as Error;
  expect(error).toBeInstanceOf(HttpError);
  expect(error.message).toBe(
    "Pulse-like CRM whoAmI failed with status 403 (SUSPENDED): account suspended",
  );
});
