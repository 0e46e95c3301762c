// Hey API's fetch client with its bearer auth callback; it has no renewal and no retry.
import { createClient } from "@hey-api/client-fetch";

const client = createClient({ baseUrl: "https://api-oms.verolabs.co", auth: () => "token" });

export const listOrders = () =>
  client.get({ url: "/api/orders", security: [{ type: "http", scheme: "bearer" }] });
