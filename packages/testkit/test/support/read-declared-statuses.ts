import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** Every (operationId, numeric status) pair a spec declares, read independently of the simulator. */
export function readOperationsOf(specPath: string): { operationId: string; status: number }[] {
  const document = parse(readFileSync(specPath, "utf8")) as {
    paths: Record<
      string,
      Record<string, { operationId?: string; responses?: Record<string, unknown> }>
    >;
  };
  return Object.values(document.paths).flatMap((pathItem) =>
    Object.values(pathItem).flatMap((operation) =>
      Object.keys(operation.responses ?? {})
        .filter((status) => /^\d{3}$/.test(status))
        .map((status) => ({ operationId: String(operation.operationId), status: Number(status) })),
    ),
  );
}
