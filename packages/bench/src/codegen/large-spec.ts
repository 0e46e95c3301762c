import { stringify } from "yaml";

/**
 * A valid OpenAPI 3.1 document with `operationCount` operations, one of them the sign-in, and an
 * `x-loginkit` block our generator accepts (specs/README.md): what a big provider's API looks
 * like. Every other operation reads or writes one resource, with a path parameter, a query
 * parameter, a JSON body (writes), a 200 schema of its own and a shared 401 error: work for every
 * generator's schema and operation code, not just a count of paths.
 */
export function buildLargeSpec(operationCount: number): string {
  const paths: Record<string, Record<string, unknown>> = {
    "/auth/login": {
      post: {
        operationId: "login",
        tags: ["Auth"],
        summary: "Sign in",
        description: "Exchanges credentials for an access token.",
        security: [],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Credentials" } } },
        },
        responses: {
          "200": {
            description: "Signed in.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Session" } } },
          },
          "401": { $ref: "#/components/responses/Unauthorized" },
        },
      },
    },
  };
  const schemas: Record<string, unknown> = {
    Credentials: {
      type: "object",
      required: ["email", "password"],
      properties: { email: { type: "string", format: "email" }, password: { type: "string" } },
    },
    Session: {
      type: "object",
      required: ["access_token", "expires_in"],
      properties: { access_token: { type: "string" }, expires_in: { type: "integer" } },
    },
    Error: {
      type: "object",
      required: ["error_code"],
      properties: { error_code: { type: "string" }, message: { type: "string" } },
    },
  };
  // Operation 1 is the sign-in; the rest alternate a read and a write on one resource per pair.
  for (let operation = 2; operation <= operationCount; operation++) {
    const resource = Math.ceil((operation - 1) / 2);
    const isRead = operation % 2 === 0;
    const schemaName = `Resource${resource}`;
    schemas[schemaName] ??= resourceSchema(resource);
    const path = `/resources-${resource}/{id}`;
    paths[path] ??= {};
    paths[path][isRead ? "get" : "put"] = {
      operationId: `${isRead ? "get" : "put"}Resource${resource}`,
      tags: ["Resources"],
      summary: `${isRead ? "Read" : "Replace"} resource ${resource}`,
      description: `${isRead ? "Reads" : "Replaces"} one resource of kind ${resource}.`,
      parameters: [
        { name: "id", in: "path", required: true, description: "Id.", schema: { type: "string" } },
        {
          name: "expand",
          in: "query",
          required: false,
          description: "Related records to include.",
          schema: { type: "array", items: { type: "string", enum: ["owner", "history"] } },
        },
      ],
      ...(isRead
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } },
              },
            },
          }),
      responses: {
        "200": {
          description: "The resource.",
          content: {
            "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } },
          },
        },
        "401": { $ref: "#/components/responses/Unauthorized" },
      },
    };
  }
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Large provider API",
      version: "1.0.0",
      description: "Synthetic: for the codegen benchmark.",
    },
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Auth", description: "Sign-in." },
      { name: "Resources", description: "Resources." },
    ],
    "x-loginkit": {
      displayName: "Large provider",
      summary: "A synthetic provider with many operations.",
      signIn: { operationId: "login" },
      token: {
        accessToken: "$response.body#/access_token",
        expiresIn: "$response.body#/expires_in",
      },
      securityScheme: "bearerAuth",
      errors: {
        tokenExpired: [{ status: 401, pointer: "/error_code", values: ["token-expired"] }],
        badCredentials: [
          {
            status: 401,
            operations: ["login"],
            pointer: "/error_code",
            values: ["bad-credentials"],
          },
        ],
      },
      replaySafe: ["login"],
    },
    paths,
    components: {
      schemas,
      responses: {
        Unauthorized: {
          description: "Missing, expired or refused credentials.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
  return stringify(document);
}

/** A record with the kinds of property real APIs have: required ids, enums, dates, nesting. */
function resourceSchema(resource: number) {
  return {
    type: "object",
    required: ["id", "status"],
    properties: {
      id: { type: "string" },
      status: { type: "string", enum: ["active", "archived", `state-${resource}`] },
      createdAt: { type: "string", format: "date-time" },
      quantity: { type: "integer", minimum: 0 },
      tags: { type: "array", items: { type: "string" } },
      owner: {
        type: "object",
        properties: { id: { type: "string" }, name: { type: ["string", "null"] } },
      },
    },
  };
}
