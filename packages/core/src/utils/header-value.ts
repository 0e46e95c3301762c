/** Visible ASCII only: what a token in `Authorization` or an API-key header may hold. */
const TOKEN = /^[\x21-\x7e]+$/;
/** Latin-1 without control characters and without surrounding blanks: what every runtime sends. */
const VALUE = /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/;

/** Whether `value` can be sent as a token (`Bearer <value>`, an API-key header). */
export function isHeaderToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

/** Whether `value` can be sent as a header value as it is (no CR/LF, nothing past Latin-1). */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === "string" && VALUE.test(value);
}
