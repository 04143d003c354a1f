import { type CanActivate, type ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';

/**
 * Bodies are JSON only. The platform also parses form bodies (the raw-body option registers both), and
 * a form body must not pass for a request: 415 instead.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const contentType = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new UnsupportedMediaTypeException('Send the body as application/json.');
    return true;
  }
}
