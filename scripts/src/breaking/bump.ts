/** How far a version must move: `none` when nothing a user could notice changed. */
export type Bump = "none" | "patch" | "minor" | "major";

const order: readonly Bump[] = ["none", "patch", "minor", "major"];

export function isBump(value: unknown): value is Bump {
  return typeof value === "string" && (order as readonly string[]).includes(value);
}

/** True when `actual` moves a version at least as far as `required` asks. */
export function bumpCovers(actual: Bump, required: Bump): boolean {
  return order.indexOf(actual) >= order.indexOf(required);
}

export function largerBump(first: Bump, second: Bump): Bump {
  return bumpCovers(first, second) ? first : second;
}

/**
 * The bump that took `from` to `to` (`1.2.3` → `1.3.0` is `minor`); `undefined` when `to` is not
 * above `from` or either is not `major.minor.patch`.
 */
export function bumpBetween(from: string, to: string): Bump | undefined {
  const before = parseVersion(from);
  const after = parseVersion(to);
  if (!before || !after) return undefined;
  if (after[0] !== before[0]) return after[0] > before[0] ? "major" : undefined;
  if (after[1] !== before[1]) return after[1] > before[1] ? "minor" : undefined;
  if (after[2] !== before[2]) return after[2] > before[2] ? "patch" : undefined;
  return "none";
}

/** The smallest version above `version` that a `bump` release gets (`1.2.3` + minor → `1.3.0`). */
export function nextVersion(version: string, bump: Exclude<Bump, "none">): string {
  const [major, minor, patch] = parseVersion(version) ?? [0, 0, 0];
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function parseVersion(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}
