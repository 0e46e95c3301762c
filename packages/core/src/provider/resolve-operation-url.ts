import { ConfigurationError } from "../errors/ConfigurationError.js";
import type { OperationDescription } from "./provider-description.js";

export interface OperationUrlContext {
  /** The client's base URL. */
  baseUrl: string;
  /** True when the user chose the base URL; then it wins over an operation's own `servers`. */
  baseUrlIsExplicit: boolean;
  /** Path parameter values by spec name (`app_id`). */
  pathValues: Readonly<Record<string, string>>;
}

/**
 * The absolute URL of a described operation: its own server (Enad's auth host) unless the user
 * set `baseUrl`, with client inputs substituted into the path template.
 */
export function resolveOperationUrl(operation: OperationDescription, context: OperationUrlContext) {
  const server = (!context.baseUrlIsExplicit && operation.servers?.[0]) || context.baseUrl;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = context.pathValues[name];
    if (value === undefined) {
      throw new ConfigurationError(`No value for path parameter "${name}" of ${operation.path}`);
    }
    return encodeURIComponent(value);
  });
  return `${server.replace(/\/+$/, "")}${path}`;
}
