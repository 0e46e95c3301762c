/** A GitHub markdown table; pipes inside cells are escaped so a value cannot split a column. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]) {
  const escapeCell = (cell: string) => cell.replaceAll("|", "\\|");
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
