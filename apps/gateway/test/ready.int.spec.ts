import { Module } from '@nestjs/common';
import { BACKEND_SERVICES, createLogger, createServiceApp, dataServiceConfigSchema, parseConfig, PlatformModule, type ServiceApp } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import { createServer } from 'node:net';
import { AppModule } from '../src/app.module';
import { gatewayConfigSchema } from '../src/gateway-config';

@Module({ imports: [PlatformModule.forRoot({ database: { migrations: [] }, bus: true })] })
class BackendModule {}

const silent = (service: string) => createLogger({ service, level: 'silent' });

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('gateway /ready', () => {
  let database: TestDatabase;
  let backend: ServiceApp;
  let backendUrl: string;
  const gateways: ServiceApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('gateway_ready');
    const config = parseConfig(dataServiceConfigSchema, { SERVICE_NAME: 'catalog', PORT: '0', DATABASE_URL: database.url });
    backend = await createServiceApp(BackendModule, config, silent('catalog'));
    await backend.app.listen({ port: 0, host: '127.0.0.1' });
    backendUrl = await backend.app.getUrl();
  });

  afterAll(async () => {
    for (const gateway of gateways) await gateway.app.close();
    await backend?.app.close();
    await database?.drop();
  });

  async function gatewayWith(urls: Record<string, string>): Promise<ServiceApp> {
    const everyService = Object.fromEntries(BACKEND_SERVICES.map((s) => [`${s.toUpperCase()}_URL`, backendUrl]));
    const config = parseConfig(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '0', ...everyService, ...urls });
    const gateway = await createServiceApp(AppModule, config, silent('gateway'));
    gateways.push(gateway);
    return gateway;
  }

  it('is ready when every service is ready', async () => {
    const gateway = await gatewayWith({});
    const response = await gateway.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: { identity: 'ok', catalog: 'ok', orders: 'ok', payments: 'ok', search: 'ok', notifications: 'ok', ops: 'ok' },
    });
  });

  it('answers 503 in the standard format naming the services that are not ready', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const gateway = await gatewayWith({ IDENTITY_URL: down, ORDERS_URL: down });
    const response = await gateway.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'not_ready', message: 'Not ready: identity, orders', request_id: response.headers['x-request-id'] });
    expect(error.details.map((d: { field: string }) => d.field)).toEqual(['identity', 'orders']);
    expect(error.details[0].message).toContain('unreachable');
  });

  it('has /health and /metrics like every service', async () => {
    const gateway = await gatewayWith({});
    expect((await gateway.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await gateway.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('process_resident_memory_bytes');
  });
});
