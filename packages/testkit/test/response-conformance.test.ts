import { describe, expect, test } from "vitest";
import { readOperationsOf } from "./support/read-declared-statuses.js";
import { specTable } from "./support/spec-table.js";
import { openSimulator } from "./support/transport.js";
import { send, useSimulator } from "./support/use-simulator.js";

describe.each(specTable)("$id", ({ specPath }) => {
  test.each(readOperationsOf(specPath))(
    "answers $operationId's declared $status with a body valid against the spec",
    async ({ operationId, status }) => {
      const sim = await useSimulator({ specPath });
      sim.inject({ status }, { operationId });
      const answer = await send(sim, operationId);
      expect(answer.status).toBe(status);
      // The afterEach of useSimulator asserts the simulator recorded no violation.
    },
  );
});

test("strict mode replaces an answer that breaks the spec with a 500 and records it", async () => {
  // PulseCRM's `id` is an integer: this profile makes the simulator answer off-spec.
  const sim = await openSimulator("pulse-crm", {
    accounts: [
      {
        name: "apiKey",
        credentials: { apiKey: "k", apiSecret: "s" },
        profile: { id: "not-a-number" },
      },
    ],
  });
  try {
    const answer = await send(sim, "login", { body: { apiKey: "k", apiSecret: "s" } });
    expect(answer.status).toBe(500);
    expect(answer.headers.get("x-loginkit-violation")).toBe("true");
    expect(sim.violations).toEqual([
      expect.objectContaining({
        operationId: "login",
        status: 200,
        problems: ["id: must be integer"],
      }),
    ]);
    expect(() => sim.assertNoViolations()).toThrow(/id: must be integer/);
  } finally {
    await sim.close();
  }
});

test("without strict mode the off-spec answer is sent as it is, and still recorded", async () => {
  const sim = await openSimulator("pulse-crm", {
    strict: false,
    accounts: [
      {
        name: "apiKey",
        credentials: { apiKey: "k", apiSecret: "s" },
        profile: { id: "not-a-number" },
      },
    ],
  });
  try {
    const answer = await send(sim, "login", { body: { apiKey: "k", apiSecret: "s" } });
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe("not-a-number");
    expect(sim.violations).toHaveLength(1);
  } finally {
    await sim.close();
  }
});
