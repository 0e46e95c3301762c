import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findContractProblems, readContract } from "../src/contract/read-contract.js";
import { parseSpec } from "../src/spec/parse-spec.js";
import { SpecErrors } from "../src/spec/spec-error.js";

const specsDirectory = new URL("../../../specs/", import.meta.url);
const specText = (id: string) => readFileSync(new URL(`${id}.yaml`, specsDirectory), "utf8");
const ids = readdirSync(specsDirectory)
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => name.slice(0, -".yaml".length));

/** The problems of a spec edited by `edit`, as `line: problem` with the line of `marker`. */
function problemsOf(id: string, edit: (text: string) => string) {
  const text = edit(specText(id));
  if (text === specText(id)) throw new Error("the edit changed nothing");
  try {
    return { text, problems: findContractProblems(parseSpec(text, `specs/${id}.yaml`)) };
  } catch (error) {
    if (error instanceof SpecErrors) return { text, problems: [...error.errors] };
    throw error;
  }
}

const lineOf = (text: string, marker: string) =>
  text.slice(0, text.indexOf(marker)).split("\n").length;

test.each(ids)("%s has a valid contract", (id) => {
  const contract = readContract(parseSpec(specText(id), `specs/${id}.yaml`), id);
  expect(contract.operations.length).toBeGreaterThan(0);
  expect(contract.provider).toMatchObject({ id, signIn: contract.extension.signIn });
});

describe("a broken contract is refused with the file and line of each problem", () => {
  test.each([
    [
      "an unknown x-loginkit member",
      "org-platform",
      (text: string) => text.replace("x-loginkit:\n", "x-loginkit:\n  tokenn: {}\n"),
      "tokenn",
      "x-loginkit: unknown property `tokenn`",
    ],
    [
      "a role naming no operation",
      "org-platform",
      (text: string) => text.replace(/(signIn:\s*\n?\s*operationId:\s*)\S+/, "$1doesNotExist"),
      "doesNotExist",
      "x-loginkit.signIn: no operation has operationId `doesNotExist`",
    ],
    [
      "a token pointer the sign-in answer lacks",
      "org-platform",
      (text: string) => text.replace("$response.body#/access_token", "$response.body#/typo"),
      "$response.body#/typo",
      "x-loginkit.token.accessToken: `$response.body#/typo` is not a property of the 200 response",
    ],
    [
      "an input naming an undeclared header",
      "org-platform",
      (text: string) =>
        text.replace(
          /(option: organizationId\s+in: header\s+name: )organization_id/,
          "$1organisation_id",
        ),
      "organisation_id",
      "x-loginkit.inputs: no header parameter `organisation_id` is declared",
    ],
    [
      "an error pointer no 401 schema has",
      "org-platform",
      (text: string) => text.replace("pointer: /error_code", "pointer: /error_kode"),
      "/error_kode",
      "`/error_kode` resolves in no 401 response schema",
    ],
    [
      "a cookie flow naming another cookie than its operations need",
      "vero-oms",
      (text: string) => text.replace("cookie: vero_recovery_session", "cookie: recovery"),
      "cookie: recovery",
      "Set-Cookie example sets `vero_recovery_session`",
    ],
    [
      "a cookie flow whose finish does not answer like sign-in",
      "vero-oms",
      (text: string) =>
        text.replace(
          /finish:\n(\s+)operationId: resetPassword/,
          "finish:\n$1operationId: verifyPasswordRecovery",
        ),
      "operationId: verifyPasswordRecovery\npaths",
      "`verifyPasswordRecovery` must answer like sign-in",
    ],
    [
      "a $ref into another file",
      "org-platform",
      (text: string) =>
        text.replace(
          "$ref: '#/components/schemas/LoginRequest'",
          "$ref: './shared.yaml#/LoginRequest'",
        ),
      "./shared.yaml",
      "`$ref: ./shared.yaml#/LoginRequest` points outside the spec",
    ],
    [
      "invalid YAML",
      "org-platform",
      (text: string) =>
        text.replace("x-loginkit:\n", "x-loginkit:\n  summary: once\n  summary: twice\n"),
      "summary: twice",
      "invalid YAML: Map keys must be unique",
    ],
  ])("%s", (_case, id, edit, marker, problem) => {
    const { text, problems } = problemsOf(id, edit);
    const located = `specs/${id}.yaml:${lineOf(text, marker)}: `;
    const messages = problems.map((error) => error.message);
    expect(
      messages.find((message) => message.startsWith(located) && message.includes(problem)),
      messages.join("\n"),
    ).toBeDefined();
  });
});

test("the credentials schema is the sign-in body, dereferenced and reduced to the subset", () => {
  const contract = readContract(parseSpec(specText("enad"), "specs/enad.yaml"), "enad");
  expect(contract.credentialsSchema).toEqual({
    type: "object",
    required: ["email", "password"],
    properties: {
      email: { type: "string", format: "email" },
      password: { type: "string", minLength: 10 },
    },
  });
});
