import { afterAll, expect, test } from "vitest";
import { AbortError, ConfigurationError, type SessionEvent } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("signIn, renew and getAccessToken stop waiting when their signal aborts; the shared sign-in goes on", async () => {
  const provider = new FakeProvider("org");
  provider.tokenLatencyMs = 200;
  const { client } = setup("org", {}, provider);
  const controller = new AbortController();
  const waiting = [
    client.signIn(undefined, { signal: controller.signal }),
    client.getAccessToken({ signal: controller.signal }),
  ];
  controller.abort();
  for (const call of waiting) await expect(call).rejects.toBeInstanceOf(AbortError);
  // The sign-in itself was not cancelled: the next call uses its token.
  await expect(client.getAccessToken()).resolves.toEqual(expect.any(String));
  expect(provider.signIns).toBe(1);
  await expect(client.renew({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  await expect(client.signOut({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
});

test("a signal that is not an AbortSignal is refused by name, as a rejection", async () => {
  const { client } = setup("org");
  const call = client.signIn(undefined, { signal: "soon" as never });
  await expect(call).rejects.toBeInstanceOf(ConfigurationError);
  await expect(call).rejects.toThrow(/`signal` must be an AbortSignal/);
});

test("more than one listener: each gets every event, a removed one no more, a throwing one harms none", async () => {
  const first: SessionEvent[] = [];
  const second: SessionEvent[] = [];
  const { client } = setup("org", { onEvent: (event) => first.push(event) });
  const removeSecond = client.onEvent((event) => second.push(event));
  client.onEvent(() => {
    throw new Error("a broken logger");
  });
  await client.signIn();
  removeSecond();
  await client.signOut();
  const sessionTypes = (events: SessionEvent[]) =>
    events.map((event) => event.type).filter((type) => !type.startsWith("request-"));
  expect(sessionTypes(first)).toEqual(["signed-in", "signed-out"]);
  expect(sessionTypes(second)).toEqual(["signed-in"]);
  expect(() => client.onEvent("log" as never)).toThrow(ConfigurationError);
});
