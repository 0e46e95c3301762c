import { afterAll, expect, test } from "vitest";
import { setup } from "./helpers/clients.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("a recovery cookie is sent back to the same origin and never to another", async () => {
  const { client, provider } = setup("vero");
  const post = (path: string) =>
    client.fetch(`https://vero.test/api/recovery/${path}`, { method: "POST", body: "{}" });
  await post("start");
  expect((await post("verify")).status).toBe(200);
  await client.fetch("https://elsewhere.test/collect");
  expect((await post("reset-password")).status).toBe(200);
  const cookies = provider.requests.map((request) => [
    new URL(request.url).host,
    request.headers.cookie,
  ]);
  expect(cookies).toEqual([
    ["vero.test", undefined],
    ["vero.test", "recovery=rc-77"],
    ["elsewhere.test", undefined],
    ["vero.test", "recovery=rc-77"],
  ]);
});

test("Max-Age=0 deletes the cookie", async () => {
  const { client, provider } = setup("vero");
  const post = (path: string) =>
    client.fetch(`https://vero.test/api/recovery/${path}`, { method: "POST", body: "{}" });
  await post("start");
  await post("reset-password");
  await post("verify");
  expect(provider.requests.at(-1)?.headers.cookie).toBeUndefined();
});

test("logout forgets cookies", async () => {
  const { client, provider } = setup("vero");
  await client.fetch("https://vero.test/api/recovery/start", { method: "POST" });
  await client.signOut();
  await client.fetch("https://vero.test/api/recovery/verify", { method: "POST" });
  expect(provider.requests.at(-1)?.headers.cookie).toBeUndefined();
});

test("signIn() with other credentials forgets the previous user's cookies", async () => {
  const { client, provider } = setup("vero");
  await client.fetch("https://vero.test/api/recovery/start", { method: "POST" });
  // The fake provider knows one password; another email is enough to be another user.
  await client.signIn({ email: "grace@example.com", password: PASSWORD });
  await client.fetch("https://vero.test/api/recovery/verify", { method: "POST" });
  expect(provider.requests.at(-1)?.headers.cookie).toBeUndefined();
});
