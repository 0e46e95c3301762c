// Type-check benchmark: what a user writes with the generated client (create, a typed call,
// login, an operations call). Only type-checked, never run. Same calls as bare-openapi-fetch-consumer.ts.
import { createVeroOmsClient } from "@loginkit/vero-oms";

const vero = createVeroOmsClient({
  credentials: async () => ({ identifier: "jane@example.com", password: "a password" }),
});

export async function useVero(): Promise<string | undefined> {
  const { data, error } = await vero.POST("/api/auth/recovery/start", {
    body: { email: "jane@example.com" },
  });
  if (error) return undefined;
  const signedIn = await vero.signIn();
  const verified = await vero.operations.verifyPasswordRecovery({
    body: { code: "123456" },
  });
  return `${data.status} ${signedIn.jwt} ${verified.data?.status}`;
}
