import { describe, expect, test } from "vitest";
import { isNamedParameter, isSameParameterName } from "../src/rules/header-name.js";

describe("a parameter name names the same parameter", () => {
  test.each([
    ["header", "X-Account-ID", "x-account-id", true],
    ["header", "organization_id", "Organization_ID", true],
    ["header", "X-Account-ID", "X-Account-Id ", false],
    ["path", "app_id", "App_Id", false],
    ["path", "app_id", "app_id", true],
    ["query", "page", "Page", false],
    ["cookie", "vero_recovery_session", "Vero_Recovery_Session", false],
  ])("in %s, %j and %j: %s", (location, declared, named, same) => {
    expect(isSameParameterName(location, declared, named)).toBe(same);
  });

  test.each([
    [{ in: "header", name: "x-account-id" }, { in: "header", name: "X-Account-ID" }, true],
    [{ in: "query", name: "X-Account-ID" }, { in: "header", name: "X-Account-ID" }, false],
    [{ in: "header", name: 42 }, { in: "header", name: "42" }, false],
  ])("%j is the parameter %j: %s", (parameter, named, same) => {
    expect(isNamedParameter(parameter, named)).toBe(same);
  });
});
