// What a front end ships to share one session between its tabs: the client, the tab store, and
// the lease protocol the store brings (a client alone does not carry it).
import { createBrowserTokenStore } from "@loginkit/browser-store";
import { createVeroOmsClient } from "@loginkit/vero-oms";

const vero = createVeroOmsClient({
  credentials: { identifier: "jane@example.com", password: "x" },
  tokenStore: createBrowserTokenStore(),
});

export const listOrders = () => vero.fetch("https://api-oms.verolabs.co/api/orders");
