import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SimulatorContext } from "./simulator-context.js";

/** The access token the request presents, the way `x-loginkit.securityScheme` says to send it. */
export function readPresentedToken(
  context: SimulatorContext,
  request: SimulatedRequest,
): string | undefined {
  const schemes = (
    context.spec.document.components as { securitySchemes?: Record<string, SecurityScheme> }
  )?.securitySchemes;
  const scheme = schemes?.[context.spec.loginkit.securityScheme];
  if (scheme?.type === "apiKey" && scheme.name !== undefined) {
    if (scheme.in === "query") return request.query.get(scheme.name) ?? undefined;
    if (scheme.in === "cookie") return request.cookies[scheme.name];
    return request.headers[scheme.name.toLowerCase()];
  }
  // http bearer (and anything unknown): `Authorization: Bearer <token>`.
  return request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

interface SecurityScheme {
  readonly type?: string;
  readonly in?: string;
  readonly name?: string;
}

/** Header names whose values are secrets and are never logged or echoed. */
export function secretHeaderNames(context: SimulatorContext): Set<string> {
  const schemes = (
    context.spec.document.components as { securitySchemes?: Record<string, SecurityScheme> }
  )?.securitySchemes;
  const names = new Set(["authorization", "cookie", "proxy-authorization"]);
  for (const scheme of Object.values(schemes ?? {})) {
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name)
      names.add(scheme.name.toLowerCase());
  }
  return names;
}
