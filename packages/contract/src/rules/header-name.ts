/**
 * HTTP header names are case-insensitive (RFC 9110 §5.1): `X-Account-ID` and `x-account-id` are
 * one header. Every other parameter location (path, query, cookie) compares names exactly.
 */
export function isSameParameterName(location: string, declared: string, named: string): boolean {
  return location === "header"
    ? declared.toLowerCase() === named.toLowerCase()
    : declared === named;
}

/** True when `parameter` is the `in`/`name` pair an `x-loginkit` input (or anything else) names. */
export function isNamedParameter(
  parameter: { readonly in?: unknown; readonly name?: unknown },
  named: { readonly in: string; readonly name: string },
): boolean {
  return (
    parameter.in === named.in &&
    typeof parameter.name === "string" &&
    isSameParameterName(named.in, parameter.name, named.name)
  );
}
