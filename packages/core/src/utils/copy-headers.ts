/**
 * A copy of `source`, entry by entry. Not `new Headers(source)`: MSW replaces the global
 * `Headers` with one whose constructor, given a Headers made from a Request's headers, comes
 * back empty, and the request would then go out without its content type or credentials.
 */
export function copyHeaders(source: Headers): Headers {
  const copy = new Headers();
  source.forEach((value, name) => {
    copy.append(name, value);
  });
  return copy;
}
