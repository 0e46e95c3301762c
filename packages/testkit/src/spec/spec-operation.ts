/** One operation of the spec, with every `$ref` followed and every schema kept as a pointer. */
export interface SpecOperation {
  readonly operationId: string;
  /** Upper case, e.g. `POST`. */
  readonly method: string;
  /** Path template as in the spec, e.g. `/api/v1/{app_id}/auth/login`. */
  readonly path: string;
  readonly parameters: readonly SpecParameter[];
  readonly requestBody?: SpecRequestBody;
  /** Keyed by the spec's status key (`"200"`, `"4XX"`, `"default"`). */
  readonly responses: ReadonlyMap<string, SpecResponse>;
  /** Security scheme names of the effective requirement; empty when a call needs no token (`security: []`, or `{}` among the requirements). */
  readonly securitySchemes: readonly string[];
}

export interface SpecParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schemaPointer?: string;
  /** The parameter's `example`, used to build example requests. */
  readonly example?: unknown;
}

export interface SpecRequestBody {
  readonly required: boolean;
  /** The JSON schema of `application/json`, if any. */
  readonly schemaPointer?: string;
  readonly examples: readonly unknown[];
  /** The names of `examples` entries, index for index (undefined for a bare `example`). */
  readonly exampleNames: readonly (string | undefined)[];
}

export interface SpecResponse {
  readonly status: string;
  readonly schemaPointer?: string;
  /** Where the schema finally lives after `$ref`s: two responses share a shape when equal. */
  readonly schemaTarget?: string;
  /** Named examples first by name, then `example`. */
  readonly examples: readonly { readonly name?: string; readonly value: unknown }[];
  readonly headers: readonly SpecHeader[];
}

export interface SpecHeader {
  readonly name: string;
  readonly required: boolean;
  readonly schemaPointer?: string;
  readonly example?: unknown;
}
