import { describe, expect, test } from "vitest";
import { generatePackage } from "../src/generate-package.js";
import { createTemporaryWorkspace, lineOf } from "./temporary-workspace.js";

async function generationError(edit: (text: string) => string, id = "org-platform") {
  const workspace = await createTemporaryWorkspace();
  const text = await workspace.editSpec(id, edit);
  const error = await generatePackage(workspace.spec(id), `${workspace.packages}/${id}`).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  if (!error) throw new Error("generation succeeded on a broken spec");
  return { message: error.message, text };
}

describe("a broken spec gets an error naming the file and line", () => {
  test.each([
    [
      "invalid YAML",
      (spec: string) =>
        spec.replace("x-loginkit:\n", "x-loginkit:\n  summary: once\n  summary: twice\n"),
      "summary: twice",
      "invalid YAML: Map keys must be unique",
    ],
    [
      "an x-loginkit operationId that names no operation",
      (spec: string) => spec.replace(/(signIn:\s*\n?\s*operationId:\s*)\S+/, "$1doesNotExist"),
      "doesNotExist",
      "x-loginkit.signIn: no operation has operationId `doesNotExist`",
    ],
    [
      "an unknown x-loginkit property",
      (spec: string) => spec.replace("x-loginkit:\n", "x-loginkit:\n  tokenn: {}\n"),
      "tokenn",
      "x-loginkit: unknown property `tokenn`",
    ],
    [
      "a token pointer that the sign-in response does not have",
      (spec: string) =>
        spec.replace("$response.body#/access_token", "$response.body#/accessTokenTypo"),
      "accessTokenTypo",
      "x-loginkit.token.accessToken: `$response.body#/accessTokenTypo` is not a property",
    ],
    [
      "an input naming a header the spec does not declare",
      (spec: string) =>
        spec.replace(
          /(option: organizationId\s+in: header\s+name: )organization_id/,
          "$1organisation_id",
        ),
      "organisation_id",
      "x-loginkit.inputs: no header parameter `organisation_id` is declared",
    ],
    [
      "a $ref into another file",
      (spec: string) =>
        spec.replace(
          "$ref: '#/components/schemas/LoginRequest'",
          "$ref: './shared.yaml#/LoginRequest'",
        ),
      "./shared.yaml",
      "`$ref: ./shared.yaml#/LoginRequest` points outside the spec",
    ],
  ])("%s", async (_case, edit, marker, problem) => {
    const { message, text } = await generationError(edit);
    expect(message).toContain(`specs/org-platform.yaml:${lineOf(text, marker)}: ${problem}`);
  });

  test("a spec without x-loginkit", async () => {
    const { message } = await generationError((spec) =>
      spec.replace(/^x-loginkit:[\s\S]*?(?=^\S)/m, ""),
    );
    expect(message).toContain("specs/org-platform.yaml:1: the spec has no `x-loginkit` extension");
  });
});
