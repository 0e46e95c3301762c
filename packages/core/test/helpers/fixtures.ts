import type { OperationDescription, ProviderDescription } from "../../src/index.js";

const op = (
  method: OperationDescription["method"],
  path: string,
  extra: Partial<OperationDescription> = {},
) => ({ method, path, public: false, replaySafe: false, ...extra }) satisfies OperationDescription;

/** Vero-like: bearer JWT, `expiresAt` date-time, cookie-carrying password recovery. */
export const veroLike: ProviderDescription = {
  id: "vero-like",
  displayName: "Vero-like OMS",
  servers: ["https://vero.test/api"],
  securityScheme: { type: "http", scheme: "bearer" },
  operations: {
    signIn: op("post", "/auth/login", { public: true, replaySafe: true }),
    signOut: op("post", "/auth/logout"),
    listOrders: op("get", "/orders"),
    createOrder: op("post", "/orders"),
    importOrders: op("post", "/orders/import", { replaySafe: true }),
    startRecovery: op("post", "/recovery/start", { public: true }),
    verifyRecovery: op("post", "/recovery/verify", { public: true }),
    resetPassword: op("post", "/recovery/reset-password", { public: true }),
  },
  signIn: { operationId: "signIn" },
  signOut: { operationId: "signOut" },
  token: { accessToken: "$response.body#/jwt", expiresAt: "$response.body#/session/expires_at" },
  errors: {
    tokenExpired: [],
    badCredentials: [{ status: 401, operations: ["signIn"], pointer: "/error_code" }],
  },
  inputs: [],
  cookies: true,
};

/** Enad-like: `expiresIn`, path input `app_id`, sign-in on its own auth server. */
export const enadLike: ProviderDescription = {
  id: "enad-like",
  displayName: "Enad-like",
  servers: ["https://api.enad.test"],
  securityScheme: { type: "http", scheme: "bearer" },
  operations: {
    signIn: op("post", "/api/v1/{app_id}/auth/login", {
      public: true,
      replaySafe: true,
      servers: ["https://auth.enad.test"],
    }),
    listDevices: op("get", "/api/v1/{app_id}/devices"),
  },
  signIn: { operationId: "signIn" },
  token: { accessToken: "$response.body#/access_token", expiresIn: "$response.body#/expires_in" },
  errors: {
    tokenExpired: [],
    badCredentials: [{ status: 400, pointer: "/error", values: ["invalid_grant"] }],
  },
  inputs: [{ option: "appId", in: "path", name: "app_id", required: true }],
  cookies: false,
};

/** org-platform-like: refresh operation, `tokenExpired` by error code, header input. */
export const orgLike: ProviderDescription = {
  id: "org-like",
  displayName: "Org-like platform",
  servers: ["https://org.test"],
  securityScheme: { type: "http", scheme: "bearer" },
  operations: {
    signIn: op("post", "/oauth/token", { public: true, replaySafe: true }),
    refresh: op("post", "/oauth/refresh", { public: true, replaySafe: true }),
    listUsers: op("get", "/users"),
  },
  signIn: { operationId: "signIn" },
  refresh: { operationId: "refresh", body: { refresh_token: "$session.refreshToken" } },
  token: {
    accessToken: "$response.body#/access_token",
    refreshToken: "$response.body#/refresh_token",
    expiresIn: "$response.body#/expires_in",
  },
  errors: {
    tokenExpired: [{ status: 401, pointer: "/error_code", values: ["TOKEN_EXPIRED"] }],
    badCredentials: [{ status: 401, operations: ["signIn"] }],
  },
  inputs: [{ option: "organizationId", in: "header", name: "organization_id", required: true }],
  cookies: false,
};

/** PulseCRM-like: opaque token without expiry, `X-Account-ID` read from sign-in, session op. */
export const pulseLike: ProviderDescription = {
  id: "pulse-like",
  displayName: "Pulse-like CRM",
  servers: ["https://pulse.test"],
  securityScheme: { type: "http", scheme: "bearer" },
  operations: {
    signIn: op("post", "/auth/sign-in", { public: true }),
    whoAmI: op("get", "/auth/session"),
    listContacts: op("get", "/contacts"),
  },
  signIn: { operationId: "signIn" },
  session: { operationId: "whoAmI" },
  token: { accessToken: "$response.body#/token" },
  errors: {
    tokenExpired: [],
    badCredentials: [{ status: 403, pointer: "/code", values: ["BAD_LOGIN"] }],
  },
  inputs: [
    {
      option: "accountId",
      in: "header",
      name: "X-Account-ID",
      required: true,
      default: "$response.body#/primaryAccount/accountId",
    },
  ],
  cookies: false,
};
