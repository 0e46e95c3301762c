import { styleText } from "node:util";

type Style = Parameters<typeof styleText>[0];

/**
 * Colours for one stream, only where they help: on a terminal that has them, unless NO_COLOR
 * says otherwise; FORCE_COLOR turns them on anywhere (or off with `0`), as Node's own rule reads.
 */
export function createPainter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env) {
  const enabled =
    env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== ""
      ? env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false"
      : env.NO_COLOR === undefined && stream.isTTY === true && stream.hasColors?.() === true;
  return (style: Style, text: string) => (enabled ? styleText(style, text) : text);
}

export type Painter = ReturnType<typeof createPainter>;
