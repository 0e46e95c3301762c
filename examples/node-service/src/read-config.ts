/** What the service needs, read once from the environment by `readConfig`. */
export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly workers: number;
  readonly redisUrl: string;
  /** 32 bytes: every session is stored in Redis encrypted with it (AES-GCM). */
  readonly storeEncryptionKey: Uint8Array;
  readonly platformUrl: string;
  readonly platformUsername: string;
  readonly platformPassword: string;
  readonly organizationId?: string;
}

/** A missing or malformed environment variable, named (its value is never quoted). */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem} (see examples/node-service/README.md)`);
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(name, "is not set");
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(name, `must be a whole number of at least ${min}`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const storeEncryptionKey = Buffer.from(required(env, "LOGINKIT_STORE_KEY"), "base64");
  if (storeEncryptionKey.length !== 32)
    throw new ConfigError("LOGINKIT_STORE_KEY", "must be 32 bytes in base64");
  return {
    port: wholeNumber(env, "PORT", 3000, 0),
    host: env.HOST || "127.0.0.1",
    workers: wholeNumber(env, "WORKERS", 4, 1),
    redisUrl: required(env, "REDIS_URL"),
    storeEncryptionKey,
    platformUrl: required(env, "ORG_PLATFORM_URL"),
    platformUsername: required(env, "ORG_PLATFORM_USERNAME"),
    platformPassword: required(env, "ORG_PLATFORM_PASSWORD"),
    ...(env.ORG_PLATFORM_ORGANIZATION_ID
      ? { organizationId: env.ORG_PLATFORM_ORGANIZATION_ID }
      : {}),
  };
}
