/** The `x-loginkit` extension as written in a spec (see specs/README.md and x-loginkit.schema.json). */
export interface XLoginkit {
  displayName: string;
  summary: string;
  signIn: { operationId: string };
  refresh?: { operationId: string; body?: Record<string, string>; "x-assumed"?: string };
  signOut?: { operationId: string };
  session?: { operationId: string };
  token: { accessToken: string; refreshToken?: string; expiresIn?: string; expiresAt?: string };
  securityScheme: string;
  errors: { tokenExpired: XLoginkitErrorMatcher[]; badCredentials: XLoginkitErrorMatcher[] };
  replaySafe?: string[];
  inputs?: XLoginkitInput[];
}

export interface XLoginkitErrorMatcher {
  status: number;
  operations?: string[];
  pointer?: string;
  values?: string[];
}

export interface XLoginkitInput {
  option: string;
  in: "path" | "header";
  name: string;
  required: boolean;
  description?: string;
  default?: string;
}
