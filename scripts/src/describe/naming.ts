/** `vero-oms` → `VeroOms`: the name stem of `createVeroOmsClient`, `VeroOmsClientOptions`... */
export function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

/** `vero-oms` → `veroOms`. */
export function toCamelCase(id: string): string {
  const pascal = toPascalCase(id);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}
