import { createOrgPlatformClient } from "@loginkit/org-platform";
import { expect, test } from "vitest";
import { startCheckedSimulator } from "../support/simulated-provider.js";
import { transportFetch as fetch } from "../support/transport.js";

test("refresh() exchanges the refresh token now, and the rotated one keeps working", async () => {
  const simulator = await startCheckedSimulator("org-platform");
  const org = createOrgPlatformClient({
    baseUrl: simulator.url,
    fetch,
    credentials: simulator.accounts[0]?.credentials as never,
  });
  await org.signIn();
  const first = await org.getAccessToken();
  await org.refresh();
  const second = await org.getAccessToken();
  await org.refresh();
  expect(second).not.toBe(first);
  expect(simulator.stats.refreshes).toBe(2);
  expect(simulator.stats.signIns).toBe(1);
  expect((await org.fetch("/__loginkit/protected")).status).toBe(200);
});
