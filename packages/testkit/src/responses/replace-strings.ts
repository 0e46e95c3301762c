/** A deep copy of `value` where every string that is a key of `replacements` is replaced. */
export function replaceStrings(
  value: unknown,
  replacements: ReadonlyMap<unknown, unknown>,
): unknown {
  if (typeof value === "string") return replacements.has(value) ? replacements.get(value) : value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replacements));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replacements)]),
    );
  }
  return value;
}

/** Deep-merges `patch` into `base` (objects merge, everything else replaces). */
export function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = mergeDeep(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
