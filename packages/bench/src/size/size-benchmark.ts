import { formatBytes, formatNumber, formatRatio } from "../measure/format.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { attributeBundleBytes } from "./attribute-bundle-bytes.js";
import {
  bundleStacks,
  loginkitNodeStack,
  loginkitStack,
  openapiFetchStack,
} from "./bundle-stacks.js";
import {
  measureFeatureCosts,
  measureStringText,
  withoutOptionalFeatures,
} from "./feature-costs.js";
import { type BundleSize, measureBundle } from "./measure-bundle.js";
import { readSizeLimitChecks } from "./size-limit-budgets.js";

/** Issue #21: core + one client in a browser bundle ≤ 12 kB gzipped; stretch: below ky + refresh hook. */
const browserTargetGzip = 12_000;

export async function runSizeBenchmark(environment: string): Promise<Section> {
  const sizes = new Map<string, BundleSize>();
  for (const stack of bundleStacks) {
    sizes.set(stack.name, await measureBundle(stack.entry, stack.target));
  }
  const floor = sizes.get(openapiFetchStack.name)!;
  const ours = sizes.get(loginkitStack.name)!;
  const oursNode = sizes.get(loginkitNodeStack.name)!;
  const kyStack = bundleStacks.find((stack) => stack.name.startsWith("ky"))!;
  const ky = sizes.get(kyStack.name)!;
  const checks = await readSizeLimitChecks();

  const rows = bundleStacks.map((stack) => {
    const size = sizes.get(stack.name)!;
    return [
      stack.name,
      formatBytes(size.minifiedBytes),
      formatBytes(size.gzipBytes),
      formatRatio(size.gzipBytes / floor.gzipBytes),
      `${size.gzipBytes >= floor.gzipBytes ? "+" : ""}${formatNumber(size.gzipBytes - floor.gzipBytes)} B`,
      stack.covers,
    ];
  });
  const largerThan = bundleStacks.filter(
    (stack) => stack.alternativeStack && sizes.get(stack.name)!.gzipBytes < ours.gzipBytes,
  );
  const attribution = await attributeBundleBytes(loginkitStack.entry);
  const costs = await measureFeatureCosts(loginkitStack.entry, ours);
  const text = await measureStringText(loginkitStack.entry);
  const stringText = text.gzipBytes - text.withoutTextGzipBytes;
  // Without every optional feature; then, the floor of today's design: not one character of text.
  const bare = await measureStringText(loginkitStack.entry, [withoutOptionalFeatures()]);
  const withoutAll = { gzipBytes: bare.gzipBytes };

  const verdicts = [
    ours.gzipBytes <= browserTargetGzip
      ? `- **Met:** the browser bundle of core + a client is ${formatBytes(ours.gzipBytes)} gzipped (target ≤ ${formatBytes(browserTargetGzip)}).`
      : `- **Missed by ${formatNumber(ours.gzipBytes - browserTargetGzip)} B:** the browser bundle of core + a client is ${formatBytes(ours.gzipBytes)} gzipped (target ≤ ${formatBytes(browserTargetGzip)}). The profile below shows where.`,
    ours.gzipBytes < ky.gzipBytes
      ? `- **Stretch met:** smaller than ${kyStack.name} (${formatBytes(ky.gzipBytes)}).`
      : `- **Stretch missed by ${formatNumber(ours.gzipBytes - ky.gzipBytes)} B:** ${kyStack.name} is ${formatBytes(ky.gzipBytes)}.`,
    `- The Node bundle is ${formatBytes(oursNode.gzipBytes)} gzipped, ${formatNumber(oursNode.gzipBytes - ours.gzipBytes)} B more than the browser's.`,
    largerThan.length === 0
      ? "- Smaller than every alternative stack in the table."
      : `- Larger than ${largerThan.map((stack) => `${stack.name} (${formatBytes(sizes.get(stack.name)!.gzipBytes)})`).join(", ")}; see what each covers.`,
    `- Without every optional feature below, the browser bundle would be ${formatBytes(withoutAll.gzipBytes)} gzipped: ${
      withoutAll.gzipBytes <= browserTargetGzip
        ? "within the target."
        : `still ${formatNumber(withoutAll.gzipBytes - browserTargetGzip)} B over the target, so making them opt-in imports alone cannot reach it.`
    }`,
    `- ${formatBytes(stringText)} of the browser bundle's gzip is the text of string literals (error messages that name what was wrong, event and header names), and ${formatBytes(floor.gzipBytes)} is openapi-fetch. Without every optional feature and without any of that text, the bundle would still be ${formatBytes(bare.withoutTextGzipBytes)}: what is left is the code every call runs (sign-in, renewal and single flight, retry, timeouts and abort, bounded reads, secret scrubbing, trusted origins).`,
  ];

  const body = [
    environment,
    "",
    "What a user ships: each entry in `packages/bench/src/size/entries/` bundled by esbuild (bundle, minify, format esm) for a browser (`browser` export condition) unless the name says Node (`node` condition), gzip level 9. Ratios are to bare openapi-fetch.",
    "",
    renderTable(
      [
        "stack",
        "minified",
        "gzipped",
        "gzip ÷ openapi-fetch",
        "gzip over openapi-fetch",
        "what it covers",
      ],
      rows,
    ),
    "",
    ...verdicts,
    "",
    "Budgets checked by `pnpm test` with size-limit (`packages/bench/.size-limit.js`, gzipped, every client and both conditions; size-limit counts a kB as 1,000 B):",
    "",
    renderTable(
      ["entry", "budget"],
      checks.map((check) => [check.name, check.limit]),
    ),
    "",
    "What each feature every client carries today, but a user could do without, costs the browser bundle: the gzipped bytes it loses when esbuild is given stand-ins for the feature's modules (`src/size/feature-costs.ts`). Costs overlap a little (gzip shares text between them), so they do not add up exactly to the bundle without all of them:",
    "",
    renderTable(
      ["feature", "gzipped bytes it costs"],
      [
        ...costs.map((cost) => [cost.name, `${formatNumber(cost.gzipBytes)} B`]),
        ["all of them", `${formatNumber(ours.gzipBytes - withoutAll.gzipBytes)} B`],
      ],
    ),
    "",
    "Where the browser bundle's minified bytes come from (esbuild metafile, before gzip):",
    "",
    renderTable(
      ["source", "minified bytes", "share"],
      attribution
        .filter(({ minifiedBytes }) => minifiedBytes > 0)
        .map(({ source, minifiedBytes }) => [
          source,
          formatNumber(minifiedBytes),
          `${((100 * minifiedBytes) / ours.minifiedBytes).toFixed(1)}%`,
        ]),
    ),
  ].join("\n");
  return { title: "Bundle size", body };
}
