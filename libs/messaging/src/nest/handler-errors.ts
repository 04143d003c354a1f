import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Lets a handler's own error reach the messaging transport, which retries it and puts it in the
 * dead-letter headers. Nest's default filter would replace it with "Internal server error".
 */
@Catch()
export class PassHandlerErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/** A handler failure that reached the transport as something other than an Error (e.g. through another filter). */
export class HandlerFailedError extends Error {
  override readonly name = 'HandlerFailedError';

  constructor(readonly failure: unknown) {
    super(describe(failure));
  }
}

function describe(failure: unknown): string {
  if (typeof failure === 'object' && failure !== null && 'message' in failure && typeof failure.message === 'string') return failure.message;
  try {
    return JSON.stringify(failure) ?? String(failure);
  } catch {
    return String(failure);
  }
}
