/**
 * The most of a request body a simulator reads: 1 MiB, far above any login request, far below
 * what would hurt a developer's machine or a CI runner. Past it the answer is 413.
 */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

export type CappedRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly tooLarge: boolean; readonly problem: string };

/**
 * Reads a request body to its end or past `maxBytes`, whichever comes first, and cancels the
 * stream when it stops early, so a never-ending upload costs at most `maxBytes` of memory.
 */
export async function readBodyCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes = MAX_REQUEST_BODY_BYTES,
): Promise<CappedRead> {
  if (body === null) return { ok: true, text: "" };
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let size = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return {
          ok: false,
          tooLarge: true,
          problem: `body: is larger than ${maxBytes} bytes`,
        };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The sender went away or its stream broke: there is no whole body to answer.
    return { ok: false, tooLarge: false, problem: "body: could not be read to its end" };
  }
  return { ok: true, text: text + decoder.decode() };
}
