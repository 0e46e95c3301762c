/** biome.json's line width: generated comments wrap there, as hand-written ones do. */
const lineWidth = 100;

/**
 * A JSDoc comment at `indent`, each paragraph wrapped at the line width (biome formats code but
 * never reflows comments): one line when it fits, else one sentence run per line.
 */
export function renderJsDoc(paragraphs: readonly string[], indent = ""): string {
  const single = `${indent}/** ${paragraphs.join(" ")} */`;
  if (paragraphs.length === 1 && single.length <= lineWidth) return single;
  const width = lineWidth - indent.length - 3;
  const lines = paragraphs.flatMap((paragraph) => wrapWords(paragraph, width));
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`), `${indent} */`].join("\n");
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
