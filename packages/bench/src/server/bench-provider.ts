import type { ProviderDescription } from "@loginkit/core";
import { type paths as VeroOmsPaths, veroOmsProvider } from "@loginkit/vero-oms";

/**
 * Vero OMS as generated, plus the protected `GET /api/orders` its public spec does not describe,
 * so loginkit and bare openapi-fetch make the same typed call against the bench server.
 */
export const benchProvider = {
  ...veroOmsProvider,
  operations: {
    ...veroOmsProvider.operations,
    listOrders: { method: "get", path: "/api/orders", public: false, replaySafe: false },
  },
} as const satisfies ProviderDescription;

export interface OrdersResponse {
  orders: { id: string; status: string }[];
}

export type BenchPaths = VeroOmsPaths & {
  "/api/orders": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": OrdersResponse };
        };
        401: {
          headers: { [name: string]: unknown };
          content: { "application/json": { error: string } };
        };
      };
    };
  };
};

export const benchCredentials = { identifier: "bench@example.com", password: "bench-password" };
