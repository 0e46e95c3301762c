import { AuthenticationError, type ProviderClient, type ProviderTypes } from "@loginkit/core";
import type { Simulator } from "@loginkit/testkit";

/** One line of the walkthrough table. */
export interface StepResult {
  readonly provider: string;
  readonly step: string;
  readonly ok: boolean;
  readonly result: string;
  readonly milliseconds: number;
}

type Step = readonly [name: string, run: () => Promise<string>];

/**
 * What a user of any generated client lives through, in order: sign-in, a protected call, the
 * provider expiring the token, renewal, a retried 503 and a refused password. Each step checks
 * what the simulator saw, so a passing line is a fact, not a hope.
 */
export function walkthroughSteps(
  simulator: Simulator,
  client: ProviderClient<ProviderTypes>,
  clientWithWrongPassword: ProviderClient<ProviderTypes>,
): Step[] {
  const protectedCall = async () => {
    const response = await client.fetch("/__loginkit/protected");
    if (response.status !== 200) throw new Error(`protected call answered ${response.status}`);
    return (await response.json()) as { account: string; tokenId: string };
  };
  const renewals = () => simulator.stats.signIns + simulator.stats.refreshes;
  let tokenBeforeExpiry = "";
  return [
    [
      "sign-in",
      async () => {
        await client.signIn();
        return `signed in as ${simulator.accounts[0]?.name} (${simulator.stats.signIns} sign-in)`;
      },
    ],
    [
      "protected call",
      async () => {
        const body = await protectedCall();
        tokenBeforeExpiry = body.tokenId;
        return `200, token attached for ${body.account}`;
      },
    ],
    [
      "expiry",
      async () => {
        const token = await client.getAccessToken();
        simulator.expireTokens();
        // The same token sent by hand, without the client's renewal: what a naive caller would get.
        const response = await fetch(`${simulator.url}/__loginkit/protected`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (response.status !== 401)
          throw new Error(`the expired token still got ${response.status}`);
        return "the provider expired the token: sent as is, it now gets 401";
      },
    ],
    [
      "renewal",
      async () => {
        const before = renewals();
        const body = await protectedCall();
        if (body.tokenId === tokenBeforeExpiry) throw new Error("the old token was reused");
        const how = simulator.stats.refreshes > 0 ? "refreshed" : "signed in again";
        return `200 after one 401: ${how} (${renewals() - before} renewal)`;
      },
    ],
    [
      "retried 503",
      async () => {
        simulator.inject({ status: 503 }, { path: "/__loginkit/protected" });
        const before = simulator.stats.requestsByOperation["__loginkit/protected"] ?? 0;
        await protectedCall();
        const attempts =
          (simulator.stats.requestsByOperation["__loginkit/protected"] ?? 0) - before;
        return `200 after ${attempts} attempts`;
      },
    ],
    [
      "bad password refused",
      async () => {
        const failedBefore = simulator.stats.failedSignIns;
        const error = await clientWithWrongPassword.signIn().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        if (!(error instanceof AuthenticationError))
          throw new Error(`expected AuthenticationError, got ${String(error)}`);
        const attempts = simulator.stats.failedSignIns - failedBefore;
        const detail = [error.status, error.code].filter((part) => part !== undefined).join(" ");
        return `AuthenticationError (${detail}), ${attempts} attempt, not retried`;
      },
    ],
  ];
}
