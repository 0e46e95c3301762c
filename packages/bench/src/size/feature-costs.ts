import type { Plugin } from "esbuild";
import ts from "typescript";
import { type BundleSize, bundleCode, measureBundle, sizeOf } from "./measure-bundle.js";

/**
 * A feature every client carries today that a user could do without, and the stand-ins (the same
 * exports, doing nothing) that leave it out of a bundle: what making it an opt-in import would save.
 */
interface OptionalFeature {
  readonly name: string;
  /** Core's built modules, by path under `dist/`, and the code that replaces each. */
  readonly stubs: Readonly<Record<string, string>>;
}

export const optionalFeatures: readonly OptionalFeature[] = [
  {
    name: "logging (`logLevel`, `logger`, `LOGINKIT_LOG`)",
    stubs: { "logging/add-logger.js": "export function addLogger() {}" },
  },
  {
    name: "per-request and per-send events (what tracers and debug logs read)",
    stubs: {
      "events/trace-request.js":
        "export function traceRequest() {} export const observe = (promise) => promise;",
      "events/trace-sends.js": "export const traceSends = (options) => options;",
    },
  },
  {
    name: "the listener registry (`onEvent` filters and scopes, a failing listener reported)",
    stubs: {
      "events/event-listeners.js":
        "export function createEventListeners() { return { wantsRequestEvents: false, wantsSendEvents: false, emit: (event) => event, scope: (event, run) => run(), scrubWith() {}, add: () => () => {} }; }",
    },
  },
  {
    name: "credentials checked against the spec's schema before sign-in",
    stubs: {
      "credentials/find-credentials-problem.js": "export function findCredentialsProblem() {}",
    },
  },
];

/**
 * Replaces core's modules named in `stubs`. A stub that matched nothing fails the run: a module
 * renamed or moved would otherwise show a feature as free.
 */
function stubCoreModules(stubs: Readonly<Record<string, string>>): Plugin {
  return {
    name: "stub-core-modules",
    setup(build) {
      const applied = new Set<string>();
      build.onLoad({ filter: /[\\/]core[\\/]dist[\\/].*\.js$/ }, (args) => {
        const path = args.path.replaceAll("\\", "/");
        const module = Object.keys(stubs).find((name) => path.endsWith(`/core/dist/${name}`));
        if (!module) return undefined;
        applied.add(module);
        return { contents: stubs[module], loader: "js" };
      });
      build.onEnd(() => {
        const missing = Object.keys(stubs).filter((module) => !applied.has(module));
        if (missing.length > 0) {
          throw new Error(
            `feature costs: core/dist/${missing.join(", core/dist/")} is not in the bundle any more; update optionalFeatures in packages/bench/src/size/feature-costs.ts`,
          );
        }
      });
    },
  };
}

export interface FeatureCost {
  readonly name: string;
  /** Gzipped bytes the bundle loses without it. */
  readonly gzipBytes: number;
}

/** Stand-ins for every optional feature at once. */
export const withoutOptionalFeatures = (): Plugin =>
  stubCoreModules(Object.assign({}, ...optionalFeatures.map((feature) => feature.stubs)));

/** What each optional feature costs the bundle at `entry` (gzipped bytes it loses without it). */
export async function measureFeatureCosts(
  entry: string,
  whole: BundleSize,
): Promise<FeatureCost[]> {
  const costs: FeatureCost[] = [];
  for (const feature of optionalFeatures) {
    const without = await measureBundle(entry, "browser", [stubCoreModules(feature.stubs)]);
    costs.push({ name: feature.name, gzipBytes: whole.gzipBytes - without.gzipBytes });
  }
  return costs;
}

/** Where each piece of literal text is (strings, and the text parts of template literals). */
function literalTextRanges(code: string): [number, number][] {
  const file = ts.createSourceFile(
    "bundle.js",
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Inside the delimiters only: `"…"`, `` `…${ ``, `}…${`, `}…` `` keep their punctuation.
      const start = node.getStart(file) + 1;
      const end = node.getEnd() - (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1);
      if (end > start) ranges.push([start, end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ranges;
}

/**
 * The browser bundle at `entry` gzipped, and gzipped once more with the text of its string
 * literals removed (error messages that name what was wrong, event and header names): the
 * difference is what that text costs.
 */
export async function measureStringText(
  entry: string,
  plugins: Plugin[] = [],
): Promise<{ gzipBytes: number; withoutTextGzipBytes: number }> {
  const code = await bundleCode(entry, "browser", plugins);
  let emptied = "";
  let from = 0;
  for (const [start, end] of literalTextRanges(code)) {
    emptied += code.slice(from, start);
    from = end;
  }
  emptied += code.slice(from);
  return { gzipBytes: sizeOf(code).gzipBytes, withoutTextGzipBytes: sizeOf(emptied).gzipBytes };
}
