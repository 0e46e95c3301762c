import { CredentialsError } from "@loginkit/core";
import { createEnadClient } from "@loginkit/enad";
import { expect, test } from "vitest";

// The generated description carries the spec's sign-in schema, so core refuses credentials the
// provider would refuse before any request leaves the process (issue #9, through a real client).
test("the generated Enad client refuses a 9-character password before sending anything, naming password", async () => {
  const sent: string[] = [];
  const password = "ninechars";
  let thrown: unknown;
  try {
    const enad = createEnadClient({
      appId: "3f0b7a52-34a4-4c3c-9f2e-5b1c2f6d7e88",
      baseUrl: "http://127.0.0.1:9",
      credentials: { email: "shopper@example.com", password },
      fetch: async (input: RequestInfo | URL) => {
        sent.push(String(input instanceof Request ? input.url : input));
        return new Response(null, { status: 500 });
      },
    });
    await enad.signIn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CredentialsError);
  expect(String((thrown as Error).message)).toMatch(/password/);
  expect(String((thrown as Error).message)).toMatch(/10/);
  expect(JSON.stringify(thrown)).not.toContain(password);
  expect(String((thrown as Error).message)).not.toContain(password);
  expect(sent).toEqual([]);
});
