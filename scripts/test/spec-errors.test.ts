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
  test("invalid YAML", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace("x-loginkit:\n", "x-loginkit:\n  summary: once\n  summary: twice\n"),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "summary: twice")}: invalid YAML: Map keys must be unique`,
    );
  });

  test("an x-loginkit operationId that names no operation", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace(/(signIn:\s*\n?\s*operationId:\s*)\S+/, "$1doesNotExist"),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "doesNotExist")}: x-loginkit.signIn: no operation has operationId \`doesNotExist\``,
    );
  });

  test("an unknown x-loginkit property", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace("x-loginkit:\n", "x-loginkit:\n  tokenn: {}\n"),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "tokenn")}: x-loginkit: unknown property \`tokenn\``,
    );
  });

  test("a token pointer that the sign-in response does not have", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace("$response.body#/access_token", "$response.body#/accessTokenTypo"),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "accessTokenTypo")}: x-loginkit.token.accessToken: \`$response.body#/accessTokenTypo\` is not a property`,
    );
  });

  test("an input naming a header the spec does not declare", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace(
        /(option: organizationId\s+in: header\s+name: )organization_id/,
        "$1organisation_id",
      ),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "organisation_id")}: x-loginkit.inputs: no header parameter \`organisation_id\` is declared`,
    );
  });

  test("a $ref into another file", async () => {
    const { message, text } = await generationError((spec) =>
      spec.replace(
        "$ref: '#/components/schemas/LoginRequest'",
        "$ref: './shared.yaml#/LoginRequest'",
      ),
    );
    expect(message).toContain(
      `specs/org-platform.yaml:${lineOf(text, "./shared.yaml")}: \`$ref: ./shared.yaml#/LoginRequest\` points outside the spec`,
    );
  });

  test("a spec without x-loginkit", async () => {
    const { message } = await generationError((spec) =>
      spec.replace(/^x-loginkit:[\s\S]*?(?=^\S)/m, ""),
    );
    expect(message).toContain("specs/org-platform.yaml:1: the spec has no `x-loginkit` extension");
  });
});
