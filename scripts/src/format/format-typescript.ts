import { Biome } from "@biomejs/js-api/nodejs";
import { SpecError } from "@loginkit/contract";

/**
 * The repository's formatting (biome.json: two spaces, 100 columns, double quotes), applied by
 * biome's own formatter in process: generated code reads like the hand-written code, and the
 * same input always formats the same way (the versions are pinned exactly in package.json).
 */
const configuration = {
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 100 },
  javascript: { formatter: { quoteStyle: "double" } },
} as const;

let formatter: { format(content: string, path: string): string } | undefined;

function createFormatter() {
  const biome = new Biome();
  const { projectKey } = biome.openProject();
  biome.applyConfiguration(projectKey, configuration);
  return {
    format(content: string, path: string): string {
      const result = biome.formatContent(projectKey, content, { filePath: path });
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      if (errors.length > 0) {
        // A generator bug, not a spec problem: name the file so the template is easy to find.
        throw new SpecError(
          path,
          undefined,
          `generated code does not parse: ${errors.map((error) => JSON.stringify(error.description)).join("; ")}`,
        );
      }
      return result.content;
    },
  };
}

/** `content` formatted as `path` (its extension picks the language). */
export function formatTypeScript(content: string, path: string): string {
  formatter ??= createFormatter();
  return formatter.format(content, path);
}
