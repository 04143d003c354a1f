import { errorBodySchema } from '../support/error-body';
import type { HttpAnswer } from '../support/http-client';

/** A refusal with `status` and error `code`, in the standard error body and nothing else. */
export function expectRefused(answer: HttpAnswer, status: number, code: string): void {
  const body = errorBodySchema.safeParse(answer.body);
  expect({ status: answer.status, code: body.data?.error.code, shapeProblems: body.error?.issues }).toEqual({ status, code, shapeProblems: undefined });
}
