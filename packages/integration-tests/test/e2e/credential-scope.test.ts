import { describe, expect, test } from "vitest";
import { clientPackages, simulate, startCheckedSimulator } from "../support/simulated-provider.js";

describe.each(clientPackages)("$id sends credentials only to its own origin", (clientPackage) => {
  test("a call to another origin (another simulator) carries no credential header", async () => {
    const { client, simulator } = await simulate(clientPackage, {
      accountId: "acct-1",
      organizationId: "org-1",
    });
    const elsewhere = await startCheckedSimulator(clientPackage.id);
    await client.fetch("/__loginkit/protected");
    const response = await client.fetch(`${elsewhere.url}/__loginkit/echo`);
    expect(response.status).toBe(401);
    const [seen] = elsewhere.requests;
    const headerNames = Object.keys(seen?.headers ?? {}).map((name) => name.toLowerCase());
    expect(headerNames).not.toContain("authorization");
    expect(headerNames).not.toContain("x-account-id");
    expect(headerNames).not.toContain("organization_id");
    expect(headerNames).not.toContain("cookie");
    expect(simulator.stats.signIns).toBe(1);
  });
});
