// The one place that reads process.env. Every variable is parsed with zod when the server starts;
// a missing or malformed one stops start-up with a message that names it.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  FRICTIONLOG_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./.data/pglite'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be the absolute http(s) URL people open, like https://frictionlog.example.com' })
    .default('http://localhost:3000'),
  TRUST_PROXY: booleanFlag.default(false),
  // The key of keyed hashes and signed cookies. Unset: generated at first start and kept in the
  // database, so every app process shares it (server/secrets/service.ts).
  FRICTIONLOG_SECRET: z.string().trim().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  /** Where emails to developers about their requests go out; unset: none is sent. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL, like smtp://user:password@mail.example.com:587' })
    .optional(),
  DORA_BANDS_FILE: z.string().trim().min(1, 'must be the path of a DORA bands YAML file').optional(),
  STATEMENT_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 (milliseconds)')
    .max(3_600_000, 'must be at most 3600000 (one hour)')
    .default(10_000),
  /** Prints each step of start-up with its time (bench/cold-start.ts reads them). */
  FRICTIONLOG_STARTUP_TIMES: booleanFlag.default(false),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable is treated as unset, the way shells and .env files usually mean it.
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, source[key] === '' ? undefined : source[key]]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Frictionlog cannot start: invalid environment variables\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

