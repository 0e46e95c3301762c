import { describe, expect, test } from "vitest";
import { readPointer, readSpecExpectations } from "./support/spec-expectations.js";
import { specTable } from "./support/spec-table.js";
import { fetchAnswer, signIn, useSimulator } from "./support/use-simulator.js";

const protectedUrl = (url: string) => `${url}/__loginkit/protected`;
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe.each(specTable)("$id", ({ specPath }) => {
  const { tokenExpired } = readSpecExpectations(specPath);

  test("answers a current token with who it belongs to, without echoing the token", async () => {
    const sim = await useSimulator({ specPath });
    const { token } = await signIn(sim);
    const answer = await fetchAnswer(protectedUrl(sim.url), bearer(token));
    expect(answer.status).toBe(200);
    expect(answer.body.subject).toBe(sim.accounts[0]?.subject);
    expect(answer.text).not.toContain(token);
    expect(answer.body.headers.authorization).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(answer.body.requestsWithToken).toBe(1);
  });

  test("refuses a request without a token with a 401", async () => {
    const sim = await useSimulator({ specPath });
    expect((await fetchAnswer(protectedUrl(sim.url))).status).toBe(401);
  });

  test("refuses an expired token with the provider's token-expired 401", async () => {
    const sim = await useSimulator({ specPath });
    const { token } = await signIn(sim);
    sim.expireTokens();
    const answer = await fetchAnswer(protectedUrl(sim.url), bearer(token));
    expect(answer.status).toBe(401);
    if (tokenExpired?.pointer !== undefined)
      expect(tokenExpired.values).toContain(readPointer(answer.body, tokenExpired.pointer));
    expect(answer.body.message).toBe("The access token has expired.");
  });

  test("refuses a token it did not issue", async () => {
    const sim = await useSimulator({ specPath });
    const forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const answer = await fetchAnswer(protectedUrl(sim.url), bearer(forged));
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe("The access token is unknown or was revoked.");
  });
});

test("the echo endpoint answers any method and counts requests by token", async () => {
  const sim = await useSimulator("enad");
  const { token } = await signIn(sim);
  await fetchAnswer(`${sim.url}/__loginkit/echo`, {
    method: "PUT",
    body: "hello",
    ...bearer(token),
  });
  const answer = await fetchAnswer(`${sim.url}/__loginkit/echo`, {
    method: "DELETE",
    ...bearer(token),
  });
  expect(answer.body).toMatchObject({ method: "DELETE", requestsWithToken: 2 });
  expect(sim.requestsWithToken(token)).toBe(2);
  expect(sim.stats.requestsByOperation["__loginkit/echo"]).toBe(2);
});
