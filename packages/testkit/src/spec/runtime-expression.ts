const RESPONSE_BODY = "$response.body#";

/** `$response.body#/session/expires_at` → `/session/expires_at`; anything else → undefined. */
export function responseBodyPointer(expression: string | undefined): string | undefined {
  if (expression === undefined || !expression.startsWith(RESPONSE_BODY)) return undefined;
  return expression.slice(RESPONSE_BODY.length);
}
