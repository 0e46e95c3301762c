const SECRET_PARAMETER =
  /token|secret|password|passwd|pwd|key|code|sig|auth|jwt|session|credential/i;
/** Three base64url segments: a JWT, whatever the parameter is called. */
const JWT_LIKE = /^[\w-]+\.[\w-]+\.[\w-]*$/;
const REDACTED = "[redacted]";

/**
 * A URL that is safe to show in messages and logs: no user info, no fragment, and the values of
 * query parameters that look like secrets (by name or by shape) replaced by `[redacted]`.
 */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    // Not absolute: keep only the path, never a query we cannot parse safely.
    return String(input).split(/[?#]/)[0] ?? "";
  }
  url.username = "";
  url.password = "";
  url.hash = "";
  for (const [name, value] of [...url.searchParams]) {
    if (SECRET_PARAMETER.test(name) || JWT_LIKE.test(value)) url.searchParams.set(name, REDACTED);
  }
  return url.toString();
}
