import { AppError } from '@marketplace/platform';

/** A service accepted the request but did not answer in time. */
export class UpstreamTimeoutError extends AppError {
  readonly status = 504;
  readonly defaultCode = 'upstream_timeout';
}
