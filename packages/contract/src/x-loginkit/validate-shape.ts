import { Ajv } from "ajv";
import { parseJsonPointer } from "../rules/json-pointer.js";
import type { LoadedSpec } from "../spec/parse-spec.js";
import type { SpecError } from "../spec/spec-error.js";
import { xLoginkitSchema } from "./x-loginkit-schema.js";

const validate = new Ajv({ allErrors: true, strict: true }).compile(xLoginkitSchema);

/** Problems with the shape of the root `x-loginkit` (missing, unknown or malformed members). */
export function findShapeProblems(spec: LoadedSpec): SpecError[] {
  const value = spec.document["x-loginkit"];
  if (value === undefined) {
    return [
      spec.errorAt([], "the spec has no `x-loginkit` extension at its root (see specs/README.md)"),
    ];
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const tokens = parseJsonPointer(error.instancePath).map((token) =>
      /^\d+$/.test(token) ? Number(token) : token,
    );
    const where = `x-loginkit${tokens.map((token) => `.${token}`).join("")}`;
    if (error.keyword === "additionalProperties") {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      return spec.errorAt(
        ["x-loginkit", ...tokens, property],
        `${where}: unknown property \`${property}\``,
      );
    }
    const allowed =
      error.keyword === "enum"
        ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`
        : "";
    return spec.errorAt(["x-loginkit", ...tokens], `${where}: ${error.message}${allowed}`);
  });
}
