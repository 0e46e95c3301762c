// The floor: a typed openapi-fetch client with no auth and no retry.
import createClient from "openapi-fetch";

const client = createClient({ baseUrl: "https://api-oms.verolabs.co" });

export const listOrders = () => client.GET("/api/orders" as never);
