import { formatBytes, formatNumber, formatRatio } from "../measure/format.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { attributeBundleBytes } from "./attribute-bundle-bytes.js";
import { bundleStacks, loginkitStack, openapiFetchStack } from "./bundle-stacks.js";
import { type BundleSize, measureBundle } from "./measure-bundle.js";
import { sizeBudget } from "./size-budget.js";

/** Target: core + one client ≤ bare openapi-fetch + 4 kB gzipped. */
const allowedGzipOverOpenapiFetch = 4_000;

export async function runSizeBenchmark(environment: string): Promise<Section> {
  const sizes = new Map<string, BundleSize>();
  for (const stack of bundleStacks) sizes.set(stack.name, await measureBundle(stack.entry));
  const floor = sizes.get(openapiFetchStack.name)!;
  const ours = sizes.get(loginkitStack.name)!;

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
  const overFloor = ours.gzipBytes - floor.gzipBytes;
  const largerThan = bundleStacks.filter(
    (stack) => stack.alternativeStack && sizes.get(stack.name)!.gzipBytes < ours.gzipBytes,
  );
  const attribution = await attributeBundleBytes(loginkitStack.entry);

  const verdicts = [
    overFloor <= allowedGzipOverOpenapiFetch
      ? `- **Met:** loginkit is ${formatNumber(overFloor)} B gzipped over bare openapi-fetch (target ≤ ${formatNumber(allowedGzipOverOpenapiFetch)} B).`
      : `- **Missed by ${formatNumber(overFloor - allowedGzipOverOpenapiFetch)} B:** loginkit is ${formatNumber(overFloor)} B gzipped over bare openapi-fetch (target ≤ ${formatNumber(allowedGzipOverOpenapiFetch)} B). The profile below shows where: core's own code (the session with its store and fleet lease, the request pipeline and transport with their redirect and body policies, and option and credentials checks whose messages name the field), plus the description and the cookie jar. The generated client already leaves out what Vero does not use (the refresh call and the JWT reader, \`jose\`); what is left is behaviour the other stacks in the table do not have.`,
    largerThan.length === 0
      ? "- **Met:** smaller than the ky and axios stacks."
      : `- **Missed:** larger than ${largerThan.map((stack) => `${stack.name} (${formatBytes(sizes.get(stack.name)!.gzipBytes)})`).join(", ")}. Those stacks do less: no single flight, no typed calls, no redirect credential policy.`,
  ];

  const body = [
    environment,
    "",
    "What a browser user ships: each entry in `packages/bench/src/size/entries/` bundled by esbuild (bundle, minify, platform browser, format esm), gzip level 9. Ratios are to bare openapi-fetch.",
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
    `Budget checked by \`pnpm test\` (\`packages/bench/src/size/size-budget.ts\`): ${formatBytes(sizeBudget.minifiedBytes)} minified, ${formatBytes(sizeBudget.gzipBytes)} gzipped; today ${formatBytes(ours.minifiedBytes)} and ${formatBytes(ours.gzipBytes)}.`,
    "",
    "Where loginkit's minified bytes come from (esbuild metafile, before gzip):",
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
