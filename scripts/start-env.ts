export type AppSource =
  | { kind: "emulator"; endpoint: string; region: string }
  | { kind: "aws"; region: string };

export interface AppSettings {
  port: number;
  authSecret: string;
  dataDir: string;
  source: AppSource;
}

/** Dummy keys: the emulator only needs requests signed, not any particular identity. */
export const EMULATOR_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAFLOWSCOPELOCAL00",
  AWS_SECRET_ACCESS_KEY: "flowscope-emulator-secret-key",
} as const;

/**
 * Variables that would send the app's SDK clients somewhere other than the emulator, or sign with
 * credentials other than the dummy ones (the SDK gives AWS_PROFILE precedence over AWS_ACCESS_KEY_ID).
 */
const NOT_FOR_EMULATOR = [
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_SESSION_TOKEN",
  "AWS_SECURITY_TOKEN",
  "AWS_CREDENTIAL_EXPIRATION",
  "AWS_ROLE_ARN",
  "AWS_ROLE_SESSION_NAME",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
  "AWS_DEFAULT_REGION",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
];

/** The environment `next start` runs with. */
export function appEnv(base: NodeJS.ProcessEnv, settings: AppSettings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: settings.authSecret,
    AUTH_URL: `http://localhost:${settings.port}`,
    AUTH_TRUST_HOST: "true",
    FLOWSCOPE_DATA_DIR: settings.dataDir,
    FLOWSCOPE_SOURCE: settings.source.kind,
    AWS_REGION: settings.source.region,
  };
  delete env.PORT;
  if (settings.source.kind === "aws") return env;
  for (const key of Object.keys(env)) {
    // Service-specific endpoints (AWS_ENDPOINT_URL_EC2, …) win over AWS_ENDPOINT_URL.
    if (NOT_FOR_EMULATOR.includes(key) || key.startsWith("AWS_ENDPOINT_URL_")) delete env[key];
  }
  return {
    ...env,
    ...EMULATOR_CREDENTIALS,
    AWS_ENDPOINT_URL: settings.source.endpoint,
    AWS_EC2_METADATA_DISABLED: "true",
  };
}
