import { type CanActivate, type ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';

/** A statement is sent as `text/csv` (what the portals export); any other body is 415, before it is read as one. */
@Injectable()
export class CsvBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; body: unknown }>();
    if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '') || typeof request.body !== 'string') {
      throw new UnsupportedMediaTypeException('Send the statement as text/csv.');
    }
    return true;
  }
}
