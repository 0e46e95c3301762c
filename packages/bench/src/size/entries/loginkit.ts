// What a browser user ships for one provider client with sign-in, renewal and retry.
import { createVeroOmsClient } from "@loginkit/vero-oms";

const vero = createVeroOmsClient({
  credentials: { identifier: "jane@example.com", password: "x" },
});

export const listOrders = () => vero.fetch("https://api-oms.verolabs.co/api/orders");
export const startRecovery = () =>
  vero.operations.startPasswordRecovery({ body: { email: "jane@example.com" } });
