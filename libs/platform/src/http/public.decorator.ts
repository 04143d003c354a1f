import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** Metadata key of routes that answer without an access token (read by the auth guard of libs/auth). */
export const PUBLIC_ROUTE = 'marketplace:public-route';

/**
 * Marks a route (or every route of a controller) as open to anonymous callers. It lives in the
 * platform so that the platform's own routes (/health, /ready, /metrics) can be public without the
 * platform depending on the auth library. In the OpenAPI document the route gets an empty security
 * requirement, which overrides the document-wide bearer requirement.
 */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}));
