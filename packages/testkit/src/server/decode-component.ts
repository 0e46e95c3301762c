/** `decodeURIComponent` that answers `undefined` for a bad `%`-escape instead of a URIError. */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The path with each segment that does not decode (a stray `%`, an escape of no UTF-8 text)
 * taken literally, `%` written as `%25`, so routing (which decodes path parameters) can find the
 * operation whose bad-input answer the request then gets.
 */
export function escapeStrayPercents(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      decodeComponent(segment) === undefined ? segment.replaceAll("%", "%25") : segment,
    )
    .join("/");
}
