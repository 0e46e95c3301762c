import { isNode, LineCounter, parseDocument } from "yaml";
import type { DocumentPath } from "./openapi-document.js";

/**
 * Finds the line of a value in YAML text. Building the node tree costs as much as parsing the
 * spec again, so it is built only when the first error needs a line, never on the happy path.
 */
export function createLineLocator(text: string): (path: DocumentPath) => number | undefined {
  let located: ((path: DocumentPath) => number | undefined) | undefined;
  return (path) => {
    located ??= buildLocator(text);
    return located(path);
  };
}

function buildLocator(text: string): (path: DocumentPath) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => {
    // Walk up until a node exists: a problem about a missing key points at its parent.
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Where `yaml` puts a syntax error, with its problem in one line. */
export function describeYamlErrors(text: string): { line: number | undefined; problem: string }[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  return document.errors.map((error) => ({
    line: error.linePos?.[0].line,
    problem: (error.message.split("\n")[0] ?? error.message).replace(
      / at line \d+, column \d+:?$/,
      "",
    ),
  }));
}
