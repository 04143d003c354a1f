import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request's id (the caller's acceptable `x-request-id`, else a new UUID): a correlation id for what it causes. */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string => String(context.switchToHttp().getRequest<{ id: unknown }>().id));
