import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * What a spec says a simulator must answer, read from the YAML itself (not through the
 * simulator), so tests that run over every spec need no line per provider: a fifth spec brings
 * its own expectations.
 */
// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by hand
type Node = any;

interface Matcher {
  readonly status: number;
  readonly pointer?: string;
  readonly values?: readonly string[];
}

export interface SpecExpectations {
  /** The status the spec gives bad input to its sign-in: its 400, else its lowest 4xx. */
  readonly badInputStatus: number;
  /** The bad-credentials status and what identifies the body (x-loginkit.errors.badCredentials). */
  readonly badCredentials: Matcher;
  /** How the spec marks an expired token's 401, when it does (x-loginkit.errors.tokenExpired). */
  readonly tokenExpired?: Matcher;
  /** Every example body the sign-in declares for the bad-credentials status. */
  readonly badCredentialsExamples: readonly unknown[];
  /** Where the sign-in answer states the expiry (a JSON pointer), and how. */
  readonly expiry:
    | { readonly kind: "at"; readonly pointer: string }
    | { readonly kind: "in"; readonly pointer: string }
    | { readonly kind: "none" };
}

export function readSpecExpectations(specPath: string): SpecExpectations {
  const document = parse(readFileSync(specPath, "utf8")) as Node;
  const loginkit = document["x-loginkit"];
  const signIn = findOperation(document, loginkit.signIn.operationId);
  const badInputStatus = badInputStatusIn(signIn);
  const badCredentials = (loginkit.errors?.badCredentials?.[0] ?? { status: 401 }) as Matcher;
  const response = resolve(document, signIn.responses[String(badCredentials.status)]);
  const media = response?.content?.["application/json"] ?? {};
  const badCredentialsExamples = [
    ...(media.example === undefined ? [] : [media.example]),
    ...Object.values(media.examples ?? {}).map((example) => resolve(document, example).value),
  ];
  const pointerOf = (expression: string | undefined) => expression?.split("#")[1];
  const token = loginkit.token ?? {};
  const expiry =
    token.expiresAt !== undefined
      ? { kind: "at" as const, pointer: pointerOf(token.expiresAt) as string }
      : token.expiresIn !== undefined
        ? { kind: "in" as const, pointer: pointerOf(token.expiresIn) as string }
        : { kind: "none" as const };
  const tokenExpired = loginkit.errors?.tokenExpired?.[0] as Matcher | undefined;
  return { badInputStatus, badCredentials, tokenExpired, badCredentialsExamples, expiry };
}

/**
 * The status a spec gives bad input to an operation: its 400, else its lowest 4xx; a plain 400
 * where it declares no 4xx at all.
 */
export function badInputStatusOf(specPath: string, operationId: string): number {
  const document = parse(readFileSync(specPath, "utf8")) as Node;
  return badInputStatusIn(findOperation(document, operationId));
}

function badInputStatusIn(operation: Node): number {
  const statuses = Object.keys(operation.responses ?? {}).filter((status) =>
    /^4\d\d$/.test(status),
  );
  if (statuses.length === 0 || statuses.includes("400")) return 400;
  return Number(statuses.sort()[0]);
}

/** The value at a JSON pointer (`/session/expires_at`). */
export function readPointer(value: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<Node>((node, segment) => (node == null ? undefined : node[segment]), value);
}

function findOperation(document: Node, operationId: string): Node {
  for (const pathItem of Object.values(document.paths) as Node[])
    for (const operation of Object.values(pathItem) as Node[])
      if (operation?.operationId === operationId) return operation;
  throw new Error(`the spec has no operation ${operationId}`);
}

function resolve(document: Node, node: Node): Node {
  if (node?.$ref === undefined) return node;
  return resolve(document, readPointer(document, node.$ref.slice(1)));
}
