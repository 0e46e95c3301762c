/** OpenAPI runtime expressions as `x-loginkit` uses them. */

const responseBody = "$response.body#";
const sessionField = /^\$session\.([A-Za-z]+)$/;

/** `$response.body#/session/expires_at` → `/session/expires_at`; anything else → `undefined`. */
export function responseBodyPointer(expression: string | undefined): string | undefined {
  if (expression === undefined || !expression.startsWith(responseBody)) return undefined;
  const pointer = expression.slice(responseBody.length);
  return pointer === "" || pointer.startsWith("/") ? pointer : undefined;
}

/** `$session.refreshToken` → `refreshToken`; anything else → `undefined`. */
export function sessionFieldOf(expression: string): string | undefined {
  return sessionField.exec(expression)?.[1];
}
