import { AuthenticationError } from "@loginkit/core";
import { createVeroOmsClient } from "@loginkit/vero-oms";
import { expect, test } from "vitest";
import { startCheckedSimulator } from "../support/simulated-provider.js";
import { transportFetch as fetch } from "../support/transport.js";

test("Vero's password recovery runs end to end with its cookie, and the new password signs in", async () => {
  const simulator = await startCheckedSimulator("vero-oms");
  const account = simulator.accounts[0];
  if (!account) throw new Error("the Vero simulator has no account");
  const email = String(account.credentials.identifier);
  const oldPassword = String(account.credentials.password);
  const vero = createVeroOmsClient({ baseUrl: simulator.url, fetch });

  const started = await vero.operations.startPasswordRecovery({ body: { email } });
  expect(started.data).toEqual({ status: "code_sent" });
  const code = simulator.lastMessageTo(email)?.code;
  expect(code).toBeDefined();

  // No cookie is passed by hand: the client's jar sends back the one the start call set.
  const verified = await vero.operations.verifyPasswordRecovery({ body: { code: String(code) } });
  expect(verified.data).toEqual({ status: "verified" });

  const newPassword = "a-brand-new-password-42";
  const reset = await vero.operations.resetPassword({ body: { password: newPassword } });
  expect(reset.data?.jwt).toEqual(expect.any(String));

  const withNewPassword = createVeroOmsClient({
    baseUrl: simulator.url,
    fetch,
    credentials: { identifier: email, password: newPassword },
  });
  await expect(withNewPassword.signIn()).resolves.toMatchObject({ jwt: expect.any(String) });
  const withOldPassword = createVeroOmsClient({
    baseUrl: simulator.url,
    fetch,
    credentials: { identifier: email, password: oldPassword },
  });
  await expect(withOldPassword.signIn()).rejects.toBeInstanceOf(AuthenticationError);
});

test("a recovery verified without the start call's cookie is refused", async () => {
  const simulator = await startCheckedSimulator("vero-oms");
  const email = String(simulator.accounts[0]?.credentials.identifier);
  await createVeroOmsClient({ baseUrl: simulator.url, fetch }).operations.startPasswordRecovery({
    body: { email },
  });
  const code = String(simulator.lastMessageTo(email)?.code);
  // A second client has its own jar: it never saw the cookie.
  const stranger = createVeroOmsClient({ baseUrl: simulator.url, fetch });
  const { data, response } = await stranger.operations.verifyPasswordRecovery({ body: { code } });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(data).toBeUndefined();
});
