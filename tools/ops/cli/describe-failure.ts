import type { OpsCommand } from '../ops-command';
import { OpsError } from '../ops-command';

/** Socket errors carry a code and, when every address of a host failed, no message of their own. */
interface SystemError extends Error {
  code?: string;
  address?: string;
  port?: number;
  errors?: SystemError[];
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

/**
 * The one line a failure is reported with: the operator's error as is, an unreachable server as such,
 * anything else by its message; the stack only with --verbose.
 */
export function describeFailure(error: unknown, command: OpsCommand | undefined, options: { verbose: boolean }): string {
  const prefix = command ? `${command.name}: ` : '';
  // By shape, not instanceof: errors made in another realm (a driver under jest) are still errors.
  if (typeof error !== 'object' || error === null || !('message' in error)) return `${prefix}${String(error)}`;
  if (error instanceof OpsError && !options.verbose) return `${prefix}${error.message}`;
  const system = error as SystemError;
  const first = system.errors?.[0] ?? system;
  const code = system.code ?? first.code;
  const message = code && UNREACHABLE.has(code) ? `cannot reach ${where(first)} (${code}); is the marketplace running?` : system.message || code || system.name;
  return options.verbose && system.stack ? `${prefix}${message}\n${system.stack}` : `${prefix}${message}`;
}

function where(error: SystemError): string {
  return error.address ? `${error.address}:${error.port ?? ''}` : 'the server';
}
