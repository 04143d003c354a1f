import { z } from 'zod';

/** Every problem with the environment, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment with `schema`; throws a ConfigError naming every bad or missing variable. */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = issue.path.map(String).join('.') || '(environment)';
      const missing = issue.path.length === 1 && env[variable] === undefined;
      return { variable, message: missing ? `is not set (${issue.message})` : issue.message };
    }),
  );
}

/**
 * Parses the configuration at startup. A bad or missing variable stops the process with one line on
 * stderr naming it, and exit code 1: a misconfigured service must not half-start.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
