// Issue #20, cases 10 and 13: options are checked before anything is done; a refused option,
// or a signal already aborted, sends nothing.
import { afterAll, expect, test } from "vitest";
import { AbortError, ConfigurationError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

test.each(["signIn", "renew", "getAccessToken"] as const)(
  "case 10: %s with a signal that is not an AbortSignal is refused and sends nothing",
  async (method) => {
    const { client, provider } = setup("vero");
    const call =
      method === "signIn"
        ? client.signIn(undefined, { signal: "stop" as never })
        : client[method]({ signal: "stop" as never });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/signal/);
    await tick();
    expect(provider.requests).toHaveLength(0);
    expect(provider.signIns).toBe(0);
  },
);

test("case 10: signOut with a signal that is not an AbortSignal is refused and keeps the session", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  provider.requests.length = 0;
  const error = await client
    .signOut({ signal: "stop" as never })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigurationError);
  await tick();
  expect(provider.requests).toHaveLength(0);
  // Still signed in: the next call goes out with the same token, no new sign-in.
  await client.fetch("https://vero.test/api/orders");
  expect(provider.signIns).toBe(1);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(0);
});

test.each([
  [{ timeOut: 10 }, "loginkit.timeOut"],
  [{ retries: 3 }, "loginkit.retries"],
  [{ authentication: "none" }, "loginkit.authentication"],
  [{ retry: { limit: -1 } }, "loginkit.retry.limit"],
  [{ retry: { limt: 2 } }, "loginkit.retry.limt"],
])(
  "case 13: per-call options %j are a ConfigurationError naming %s, and nothing is sent",
  async (loginkit, path) => {
    const { client, provider } = setup("vero");
    const error = await client
      .fetch("https://vero.test/api/orders", { loginkit: loginkit as never })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain(`\`${path}`);
    expect((error as ConfigurationError).option).toBe(path);
    await tick();
    expect(provider.requests).toHaveLength(0);
  },
);

test("case 13: a signal that is already aborted posts no credentials", async () => {
  const { client, provider } = setup("vero");
  const signal = AbortSignal.abort();
  const calls = [
    client.signIn(undefined, { signal }),
    client.getAccessToken({ signal }),
    client.fetch("https://vero.test/api/orders", { signal }),
    // biome-ignore lint/suspicious/noExplicitAny: the fixture has no generated `paths`.
    (client as any).POST("/orders", { body: { n: 1 }, signal }),
  ];
  for (const call of calls) {
    expect(await call.catch((caught: unknown) => caught)).toBeInstanceOf(AbortError);
  }
  await tick();
  expect(provider.requests).toHaveLength(0);
  expect(provider.signIns).toBe(0);
});
