import type { ProviderDescription } from "@loginkit/core";
import { type paths as VeroOmsPaths, veroOmsProvider } from "@loginkit/vero-oms";

/**
 * Vero OMS as generated, plus the protected `GET` and `POST /api/orders` its public spec does not describe,
 * so loginkit and bare openapi-fetch make the same typed call against the bench server.
 */
export const benchProvider = {
  ...veroOmsProvider,
  operations: {
    ...veroOmsProvider.operations,
    listOrders: { method: "get", path: "/api/orders", public: false, replaySafe: false },
    createOrder: { method: "post", path: "/api/orders", public: false, replaySafe: false },
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
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/json": NewOrder } };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: { "application/json": { id: string; status: string } };
        };
      };
    };
  };
};

export interface NewOrder {
  item: string;
  quantity: number;
}

/** The body every client posts. */
export const newOrder: NewOrder = { item: "sku-1", quantity: 2 };

export const benchCredentials = { identifier: "bench@example.com", password: "bench-password" };
