import type { ErrorDetail } from './app-error';

/** The standard error body every service answers with (DESIGN.md, Public HTTP API). */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: ErrorDetail[];
    request_id: string;
    timestamp: string;
  };
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
  /** True when the error was not expected: it is logged with its stack and its message is hidden. */
  unexpected: boolean;
}
