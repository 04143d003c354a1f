import { ConflictError, NotFoundError, ValidationError } from '@marketplace/platform';
import { OpsConflictError, OpsError, OpsNotFoundError } from '../ops-command';

/**
 * The CLI's errors as HTTP answers: what the operator named does not exist (404), cannot be done now
 * (409, `code` when given), anything else the operator must fix is bad input (400). Other errors pass.
 */
export function asHttpError(error: unknown, conflictCode?: string): unknown {
  if (error instanceof OpsNotFoundError) return new NotFoundError(error.message);
  if (error instanceof OpsConflictError) return new ConflictError(error.message, { code: conflictCode });
  if (error instanceof OpsError) return new ValidationError(error.message);
  return error;
}

/** Runs one of the CLI's operations, answering its errors as HTTP errors. */
export async function asHttp<T>(work: () => Promise<T>, conflictCode?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHttpError(error, conflictCode);
  }
}
