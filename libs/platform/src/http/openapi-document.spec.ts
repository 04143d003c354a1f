import { Controller, Get, Module } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Writable } from 'node:stream';
import { baseConfigSchema, parseConfig } from '../config';
import { createServiceApp, type ServiceApp } from '../bootstrap/create-service-app';
import { createLogger } from '../logging/create-logger';
import { PlatformModule } from '../platform.module';

@Controller('gizmos')
class GizmoController {
  @Get()
  list(): string[] {
    return [];
  }
}

@Module({ imports: [PlatformModule.forRoot()], controllers: [GizmoController] })
class GizmoModule {}

describe('GET /openapi.json of a service', () => {
  let service: ServiceApp;
  const build = jest.spyOn(SwaggerModule, 'createDocument');

  beforeAll(async () => {
    const config = parseConfig(baseConfigSchema, { SERVICE_NAME: 'gizmo-shop', PORT: '0' });
    const logger = createLogger({ service: 'gizmo-shop', level: 'silent', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
    service = await createServiceApp(GizmoModule, config, logger);
  });

  afterAll(async () => {
    build.mockRestore();
    await service?.app.close();
  });

  it('is built on the first request, not at start, and then served as built', async () => {
    expect(build).not.toHaveBeenCalled();
    const first = await service.app.inject({ method: 'GET', url: '/openapi.json' });
    const second = await service.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(first.statusCode).toBe(200);
    expect(first.json().paths).toHaveProperty('/gizmos');
    expect(second.body).toBe(first.body);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
