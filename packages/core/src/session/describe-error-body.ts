import { readJsonPointer } from "../utils/json-pointer.js";

const CODE_FIELDS = [
  "/error_code",
  "/errorCode",
  "/code",
  "/error/code",
  "/errors/0/code",
  "/error",
];
const MESSAGE_FIELDS = [
  "/message",
  "/error_description",
  "/detail",
  "/error/message",
  "/errors/0/message",
  "/errors/0/detail",
  "/title",
];
/** Enough for any sentence a provider writes; more is a page, not a message. */
const MAX_DETAIL = 300;
const CODE = /^[\w.:-]{1,64}$/;

/**
 * The provider's code and message in an error body (already scrubbed of secrets), the way
 * common APIs put them (`message`, OAuth's `error_description`, problem+json's `detail`,
 * `errors[0].message`); a plain-text body is the message. An HTML page is not: its markup says
 * nothing to a reader of a log line. The message is kept to one line of at most 300 characters.
 */
export function describeErrorBody(
  body: unknown,
  codePointer?: string,
): { code?: string; detail?: string } {
  const code = readString(body, codePointer ? [codePointer, ...CODE_FIELDS] : CODE_FIELDS);
  const text =
    typeof body === "string" && !body.trimStart().startsWith("<")
      ? body
      : readString(body, MESSAGE_FIELDS);
  // Control characters (line breaks, terminal escapes) would forge or garble a log line.
  const detail = text?.replace(/[\p{Cc}\s]+/gu, " ").trim();
  return {
    code: code !== undefined && CODE.test(code) ? code : undefined,
    detail: !detail
      ? undefined
      : detail.length > MAX_DETAIL
        ? `${detail.slice(0, MAX_DETAIL)}…`
        : detail,
  };
}

/** `<what> failed with status 400 (CODE): message`, each part only when known. */
export function describeFailure(
  what: string,
  outcome: string,
  status: number,
  { code, detail }: { code?: string; detail?: string },
): string {
  return `${what} ${outcome} with status ${status}${code ? ` (${code})` : ""}${detail ? `: ${detail}` : ""}`;
}

function readString(body: unknown, pointers: readonly string[]): string | undefined {
  for (const pointer of pointers) {
    const value = readJsonPointer(body, pointer);
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}
