import { describe, expect, test } from "vitest";
import { matchOperation, matchPathTemplate } from "../src/rules/operation-matching.js";

describe("a path fits a template", () => {
  test.each([
    ["/api/v1/{app_id}/auth/login", "/api/v1/42/auth/login", { app_id: "42" }],
    ["/api/v1/{app_id}/auth/login", "/api/v1/a%20b/auth/login", { app_id: "a b" }],
    ["/users/{id}", "/users/7/", { id: "7" }],
    ["/users/{id}", "/users/", undefined],
    ["/users/{id}", "/users/7/orders", undefined],
    ["/auth/login", "/auth/login", {}],
    ["/auth/login", "/auth/Login", undefined],
    ["/users/{id}", "/users/%E0%A4%A", undefined],
  ])("%s and %s: %j", (template, path, parameters) => {
    expect(matchPathTemplate(template, path)).toEqual(parameters);
  });
});

describe("which operation a request is", () => {
  const operations = [
    { id: "user", method: "get", path: "/users/{id}" },
    { id: "me", method: "get", path: "/users/me" },
    { id: "rename", method: "put", path: "/users/{id}" },
  ];
  test.each([
    ["GET", "/users/me", "me"],
    ["get", "/users/42", "user"],
    ["PUT", "/users/me", "rename"],
  ])("%s %s is %s", (method, path, id) => {
    const match = matchOperation(operations, method, path);
    expect(match.kind === "operation" && match.operation.id).toBe(id);
  });

  test("a known path with another method is not allowed, naming the methods that are", () => {
    expect(matchOperation(operations, "DELETE", "/users/42")).toEqual({
      kind: "method-not-allowed",
      allowed: ["GET", "PUT"],
    });
  });

  test("an unknown path is not found", () => {
    expect(matchOperation(operations, "GET", "/orders")).toEqual({ kind: "not-found" });
  });
});
