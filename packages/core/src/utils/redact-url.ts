const SECRET_PARAMETER =
  /token|secret|password|passwd|pwd|key|code|sig|auth|jwt|session|credential/i;
/** Three base64url segments: a JWT, whatever the parameter is called. */
const JWT_LIKE = /^[\w-]+\.[\w-]+\.[\w-]*$/;
const REDACTED = "[redacted]";

/**
 * A URL that is safe to show in messages and logs: no user info, no fragment, the values of
 * query parameters that look like secrets (by name or by shape) replaced by `[redacted]`, and
 * any query value or path segment equal to one of `secrets` (a token, a password) replaced too.
 */
export function redactUrl(input: string | URL, secrets: readonly string[] = []): string {
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
  const known = new Set(secrets);
  if (known.size > 0) {
    url.pathname = url.pathname
      .split("/")
      .map((segment) => (known.has(decodeSegment(segment)) ? REDACTED : segment))
      .join("/");
  }
  for (const [name, value] of [...url.searchParams]) {
    if (SECRET_PARAMETER.test(name) || JWT_LIKE.test(value) || known.has(value)) {
      url.searchParams.set(name, REDACTED);
    }
  }
  return url.toString();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
