import { describe, expect, test } from "vitest";
import { badInputStatusOf } from "./support/spec-expectations.js";
import { specTable } from "./support/spec-table.js";
import { type Answer, fetchAnswer, signIn, useSimulator } from "./support/use-simulator.js";

/** A cookie value whose `%`-escape decodes to no text: `decodeURIComponent` throws on it. */
const BAD_COOKIE = "session=%E0%A4%A";
const MIB = 1_048_576;

describe.each(specTable)("$id", ({ specPath }) => {
  async function sendSignIn(change: {
    headers?: Record<string, string>;
    path?: (path: string) => string;
    body?: string;
  }): Promise<{ answer: Answer; status: number; sim: Awaited<ReturnType<typeof useSimulator>> }> {
    const sim = await useSimulator({ specPath });
    const example = sim.exampleRequest(sim.operationIds.signIn);
    const path = change.path?.(example.path) ?? example.path;
    const answer = await fetchAnswer(sim.url + path, {
      method: example.method,
      headers: { ...example.headers, ...change.headers },
      body: change.body ?? JSON.stringify(example.body),
    });
    return { answer, status: badInputStatusOf(specPath, sim.operationIds.signIn), sim };
  }

  test("a sign-in with a cookie holding a bad %-escape gets the spec's bad-input answer naming it", async () => {
    const { answer, status, sim } = await sendSignIn({ headers: { cookie: BAD_COOKIE } });
    expect(answer.status).toBe(status);
    expect(answer.text).toMatch(/cookie: \\"session\\" has a bad %-escape|cookie/);
    expect(sim.stats).toMatchObject({ signIns: 0, failedSignIns: 1 });
  });

  test("a protected call with a cookie holding a bad %-escape gets a 4xx naming it", async () => {
    const sim = await useSimulator({ specPath });
    const { token } = await signIn(sim);
    const session = sim.operationIds.session;
    const example = session === undefined ? undefined : sim.exampleRequest(session);
    const url = sim.url + (example?.path ?? "/__loginkit/protected");
    const answer = await fetchAnswer(url, {
      method: example?.method ?? "GET",
      headers: { ...example?.headers, authorization: `Bearer ${token}`, cookie: BAD_COOKIE },
    });
    expect(answer.status).toBe(session === undefined ? 400 : badInputStatusOf(specPath, session));
    expect(answer.text).toContain("cookie");
  });

  test("a sign-in with a bad %-escape in its query gets the spec's bad-input answer", async () => {
    const { answer, status } = await sendSignIn({ path: (path) => `${path}?lang=%zz` });
    expect(answer.status).toBe(status);
    expect(answer.text).toContain("query");
  });

  test("a path with a bad %-escape gets a 4xx naming the path", async () => {
    const { answer } = await sendSignIn({ path: (path) => `${path}/%zz` });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).toContain("path");
  });

  test("a sign-in body past 1 MiB is answered 413 and not read further", async () => {
    const { answer, sim } = await sendSignIn({
      body: JSON.stringify({ padding: "x".repeat(2 * MIB) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.message).toBe(`body: is larger than ${MIB} bytes`);
    expect(sim.stats.signIns).toBe(0);
  });
});
