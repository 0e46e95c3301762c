import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { specTable } from "./support/spec-table.js";
import { fetchAnswer, signIn, useSimulator } from "./support/use-simulator.js";

/** Text with `%`-escapes that decode to nothing, stray `%`s and characters fetch must encode. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom("%", "%z", "%zz", "%E0%A4%A", "%C3", "%FF", "%%", "%2", "+", "=", ";", ","),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(""));

/** A header value that fetch accepts (no CR, LF or NUL, Latin-1 only). */
const headerValue = hostileText.map((text) =>
  text.replace(/[\r\n\0]/g, "").replace(/[^\x20-\x7e\x80-\xff]/g, "?"),
);

const MIB = 1_048_576;

/** One malformed request: which operation it aims at, and what is wrong with it. */
const malformedRequest = fc.record({
  target: fc.constantFrom("signIn", "session", "refresh", "loginkit", "elsewhere"),
  pathSuffix: fc.option(
    hostileText.map((text) => `/${text}`),
    { nil: undefined },
  ),
  query: fc.option(hostileText, { nil: undefined }),
  cookie: fc.option(
    fc.tuple(headerValue, headerValue).map(([name, value]) => `${name || "c"}=${value}`),
    { nil: undefined },
  ),
  contentType: fc.constantFrom(
    undefined,
    "application/json",
    "application/json, application/json",
    "text/plain",
    "application/json; charset=%zz",
  ),
  authorization: fc.constantFrom(undefined, "Bearer", "Bearer a, Bearer b", "Basic %zz", "valid"),
  body: fc.oneof(
    fc.constant(undefined),
    hostileText,
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.constant(`{"padding":"${"x".repeat(MIB)}"}`),
  ),
});

describe.each(specTable)("$id", ({ specPath }) => {
  test("any malformed request gets an answer below 500: never a rejection, never a hang", async () => {
    const sim = await useSimulator({ specPath });
    const { token } = await signIn(sim);
    await fc.assert(
      fc.asyncProperty(malformedRequest, async (input) => {
        const operationId = input.target === "signIn" ? sim.operationIds.signIn : undefined;
        const optional =
          input.target === "session" || input.target === "refresh"
            ? sim.operationIds[input.target]
            : undefined;
        const example =
          operationId !== undefined || optional !== undefined
            ? sim.exampleRequest((operationId ?? optional) as string)
            : undefined;
        const basePath =
          example?.path ?? (input.target === "loginkit" ? "/__loginkit/echo" : "/elsewhere");
        const path = `${basePath}${input.pathSuffix ?? ""}${input.query === undefined ? "" : `?${input.query}`}`;
        const headers = new Headers();
        if (input.contentType !== undefined) headers.set("content-type", input.contentType);
        if (input.cookie !== undefined) headers.set("cookie", input.cookie);
        if (input.authorization !== undefined)
          headers.set(
            "authorization",
            input.authorization === "valid" ? `Bearer ${token}` : input.authorization,
          );
        const method = example?.method ?? "POST";
        const answer = await fetchAnswer(sim.url + path, {
          method,
          headers,
          body: method === "GET" || method === "HEAD" ? undefined : input.body,
          // A hang fails the property: the answer must come well within this.
          signal: AbortSignal.timeout(10_000),
        });
        expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        expect(answer.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 40 },
    );
  });
});
