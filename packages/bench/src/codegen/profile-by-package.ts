import type { ProfiledFunction } from "../measure/cpu-profile.js";

/**
 * Sums self time by package (`yaml`, `@redocly/openapi-core`, …) and by file for our own
 * scripts: which library a generation's time goes to, the level a fix is chosen at.
 */
export function groupProfileByPackage(
  functions: readonly ProfiledFunction[],
): { owner: string; selfPercent: number }[] {
  const totals = new Map<string, number>();
  for (const { location, selfPercent } of functions) {
    const owner = ownerOf(location);
    totals.set(owner, (totals.get(owner) ?? 0) + selfPercent);
  }
  return [...totals]
    .map(([owner, selfPercent]) => ({ owner, selfPercent }))
    .sort((a, b) => b.selfPercent - a.selfPercent);
}

function ownerOf(location: string): string {
  if (location.startsWith("(native)")) return "(native: GC, fs, regexp…)";
  const scripts = location.match(/scripts\/src\/(.*):\d+$/);
  if (scripts) return `@loginkit/scripts ${scripts[1]}`;
  if (location.includes("/packages/bench/")) return "(benchmark harness)";
  return location.split(" ")[0]!.replace(/:\d+$/, "");
}
