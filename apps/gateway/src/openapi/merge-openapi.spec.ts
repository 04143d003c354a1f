import { mergeOpenApi, type OpenApiDocument } from './merge-openapi';

const info = { title: 'Marketplace API', version: 'v1' };

function doc(paths: OpenApiDocument['paths'], extra: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return { openapi: '3.0.0', info: { title: 's', version: '1' }, paths, ...extra };
}

describe('mergeOpenApi', () => {
  it('prefixes paths with /api/v1 and tags every operation with its service, keeping path-level fields', () => {
    const merged = mergeOpenApi([{ service: 'orders', document: doc({ '/orders/{id}': { get: { tags: ['Orders'] }, parameters: [{ name: 'id' }] } }) }], info);
    expect(merged.paths).toEqual({ '/api/v1/orders/{id}': { get: { tags: ['orders'] }, parameters: [{ name: 'id' }] } });
    expect(merged.info).toEqual(info);
    expect(merged['x-unavailable-services']).toBeUndefined();
  });

  it('leaves out paths the route table does not give to the service (probes, other services\' prefixes)', () => {
    const document = doc({ '/me': { get: {} }, '/health': { get: {} }, '/ready': { get: {} }, '/products': { get: {} } });
    expect(Object.keys(mergeOpenApi([{ service: 'identity', document }], info).paths ?? {})).toEqual(['/api/v1/me']);
  });

  it("moves a service's document-wide security onto its operations that do not declare their own", () => {
    const bearer = [{ bearer: [] }];
    const document = doc({ '/me': { get: {} }, '/auth/login': { post: { security: [] } } }, { security: bearer });
    const merged = mergeOpenApi([{ service: 'identity', document }], info);
    expect(merged.paths?.['/api/v1/me']?.get).toEqual({ security: bearer, tags: ['identity'] });
    expect(merged.paths?.['/api/v1/auth/login']?.post).toEqual({ security: [], tags: ['identity'] });
    expect(merged.security).toBeUndefined();
  });

  it('renames only conflicting components, in every section, and rewrites nested references', () => {
    const a = doc({}, { components: { schemas: { Money: { type: 'integer' }, Address: { type: 'object' } } } });
    const b = doc(
      { '/orders/x': { post: { responses: { 200: { $ref: '#/components/responses/Ok' } } } } },
      {
        components: {
          schemas: { Money: { type: 'string' }, Address: { type: 'object' }, Line: { properties: { price: { $ref: '#/components/schemas/Money' } } } },
          responses: { Ok: { description: 'ok' } },
        },
      },
    );
    const merged = mergeOpenApi([{ service: 'catalog', document: a }, { service: 'orders', document: b }], info);
    expect(merged.components?.schemas).toEqual({
      Money: { type: 'integer' },
      Address: { type: 'object' },
      orders_Money: { type: 'string' },
      Line: { properties: { price: { $ref: '#/components/schemas/orders_Money' } } },
    });
    expect(merged.components?.responses).toEqual({ Ok: { description: 'ok' } });
    expect(Object.keys(merged.paths ?? {})).toEqual(['/api/v1/orders/x']);
  });

  it('lists services that could not be read, in order, without failing', () => {
    const merged = mergeOpenApi(
      [
        { service: 'identity', unavailable: 'unreachable (ECONNREFUSED)' },
        { service: 'search', unavailable: 'answered 500' },
      ],
      info,
    );
    expect(merged.paths).toEqual({});
    expect(merged['x-unavailable-services']).toEqual([
      { service: 'identity', reason: 'unreachable (ECONNREFUSED)' },
      { service: 'search', reason: 'answered 500' },
    ]);
    expect(merged.info.description).toBe('Not included (unreachable when this document was built): identity (unreachable (ECONNREFUSED)), search (answered 500).');
  });
});
