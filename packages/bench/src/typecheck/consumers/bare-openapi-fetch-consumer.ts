// Type-check benchmark: the same calls as loginkit-consumer.ts with bare openapi-fetch on the
// same `paths` type (Vero's generated schema, imported from the built package's file itself so
// nothing else of @loginkit is loaded). Login is the typed POST a user would write by hand.
import createClient from "openapi-fetch";
import type { paths } from "../../../../vero-oms/dist/schema.js";

const vero = createClient<paths>({ baseUrl: "https://platform.verolabs.co" });

export async function useVero(): Promise<string | undefined> {
  const { data, error } = await vero.POST("/api/auth/recovery/start", {
    body: { email: "jane@example.com" },
  });
  if (error) return undefined;
  const signedIn = await vero.POST("/api/auth/login", {
    body: { identifier: "jane@example.com", password: "a password" },
  });
  // Bare openapi-fetch types the recovery cookie as a required parameter; loginkit's jar sends it.
  const verified = await vero.POST("/api/auth/recovery/verify", {
    params: { cookie: { vero_recovery_session: "from the start answer" } },
    body: { code: "123456" },
  });
  return `${data.status} ${signedIn.data?.jwt} ${verified.data?.status}`;
}
