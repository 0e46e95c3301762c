/** The JSON Schema of `x-loginkit` (its shape; the cross-checks against the spec are code). */
const operationReference = {
  type: "object",
  additionalProperties: false,
  required: ["operationId"],
  properties: { operationId: { type: "string", minLength: 1 } },
} as const;

const responseExpression = { type: "string", pattern: "^\\$response\\.body#(/[^/]*)*$" } as const;

const errorMatcher = {
  type: "object",
  additionalProperties: false,
  required: ["status"],
  properties: {
    status: { type: "integer", minimum: 400, maximum: 599 },
    operations: { type: "array", items: { type: "string", minLength: 1 } },
    pointer: { type: "string", pattern: "^(/[^/]*)+$" },
    values: { type: "array", minItems: 1, items: { type: "string" } },
  },
  dependencies: { values: ["pointer"], pointer: ["values"] },
} as const;

export const xLoginkitSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "x-loginkit",
  description: "Auth semantics of a provider's login API. Documented in specs/README.md.",
  type: "object",
  additionalProperties: false,
  required: ["displayName", "summary", "signIn", "token", "securityScheme", "errors"],
  properties: {
    displayName: { type: "string", minLength: 1 },
    summary: { type: "string", minLength: 1 },
    signIn: operationReference,
    refresh: {
      type: "object",
      additionalProperties: false,
      required: ["operationId"],
      properties: {
        operationId: { type: "string", minLength: 1 },
        body: { type: "object", additionalProperties: { type: "string" } },
        "x-assumed": { type: "string", minLength: 1 },
      },
    },
    signOut: operationReference,
    session: operationReference,
    token: {
      type: "object",
      additionalProperties: false,
      required: ["accessToken"],
      properties: {
        accessToken: responseExpression,
        refreshToken: responseExpression,
        expiresIn: responseExpression,
        expiresAt: responseExpression,
      },
    },
    securityScheme: { type: "string", minLength: 1 },
    errors: {
      type: "object",
      additionalProperties: false,
      required: ["tokenExpired", "badCredentials"],
      properties: {
        tokenExpired: { type: "array", items: errorMatcher },
        badCredentials: { type: "array", items: errorMatcher },
      },
    },
    replaySafe: { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 } },
    inputs: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["option", "in", "name", "required"],
        properties: {
          option: { type: "string", pattern: "^[a-z][A-Za-z0-9]*$" },
          in: { enum: ["path", "header"] },
          name: { type: "string", minLength: 1 },
          required: { type: "boolean" },
          description: { type: "string" },
          default: responseExpression,
        },
      },
    },
    cookieFlow: {
      type: "object",
      additionalProperties: false,
      required: ["cookie", "start", "finish"],
      properties: {
        cookie: { type: "string", pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
        start: operationReference,
        verify: operationReference,
        finish: operationReference,
      },
    },
  },
} as const;
