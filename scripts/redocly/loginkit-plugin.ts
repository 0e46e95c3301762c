// Redocly plugin for loginkit specs, loaded by ../../redocly.yaml (the lint runs under tsx, so a
// TypeScript plugin loads as is). A thin layer over @loginkit/contract: the generator, testkit and
// check:breaking read specs through the same contract, so the lint can never disagree with them.
//
// Rules (all on the document root; see specs/README.md):
//   loginkit/x-loginkit-shape      every problem `findContractProblems` finds: the shape of
//                                  `x-loginkit` and every name and pointer in it, checked against the spec.
//   loginkit/no-unused-components  like the built-in no-unused-components, but a parameter named by
//                                  `x-loginkit.inputs` counts as used, and unused security schemes count.
//   loginkit/assumed-marked        every node with `x-assumed` has a description containing "Assumed:",
//                                  and every description containing "Assumed:" sits on a node with `x-assumed`.
import { findContractProblems, SpecErrors, specFromDocument } from "@loginkit/contract";
import type { Oas3Rule } from "@redocly/openapi-core";
import { findAssumptionProblems } from "./find-assumption-problems.js";
import { findUnusedComponents } from "./find-unused-components.js";

/** A rule that reports, at the document root, the `{path, message}` problems `find` returns. */
function rootVisitor(
  find: (
    document: Record<string, unknown>,
    file: string,
  ) => { path: readonly (string | number)[]; message: string }[],
) {
  return {
    Root: {
      leave(
        document: Record<string, unknown>,
        context: { location: RootLocation; report(problem: unknown): void },
      ) {
        for (const { path, message } of find(document, context.location.source.absoluteRef)) {
          context.report({
            message,
            location: context.location.child(existingPath(document, path)),
          });
        }
      },
    },
  };
}

interface RootLocation {
  readonly source: { readonly absoluteRef: string };
  child(path: (string | number)[]): unknown;
}

/** The longest prefix of `path` that exists: a problem about a missing key points at its parent. */
function existingPath(document: unknown, path: readonly (string | number)[]): (string | number)[] {
  const existing: (string | number)[] = [];
  let current = document;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) break;
    current = (current as Record<string | number, unknown>)[key];
    existing.push(key);
  }
  return existing;
}

const xLoginkitShape: Oas3Rule = () =>
  rootVisitor((document, file) => {
    try {
      return findContractProblems(specFromDocument(document, file)).map((error) => ({
        path: error.path,
        message: error.problem,
      }));
    } catch (error) {
      if (!(error instanceof SpecErrors)) throw error;
      return error.errors.map((problem) => ({ path: problem.path, message: problem.problem }));
    }
  }) as never;

const noUnusedComponents: Oas3Rule = () => rootVisitor(findUnusedComponents) as never;
const assumedMarked: Oas3Rule = () => rootVisitor(findAssumptionProblems) as never;

export default function loginkitPlugin() {
  return {
    id: "loginkit",
    rules: {
      oas3: {
        "x-loginkit-shape": xLoginkitShape,
        "no-unused-components": noUnusedComponents,
        "assumed-marked": assumedMarked,
      },
    },
  };
}
