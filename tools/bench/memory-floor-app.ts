import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import pino from 'pino';

/**
 * The floor of `bench:memory`: the least a service of ours could be, with the runtime and framework
 * every service has (Nest on Fastify, a pg pool, a pino logger) and none of our code. GET /ready
 * answers once a query went through the pool, as a service's readiness does.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

@Controller()
class ReadyController {
  @Get('ready')
  async ready(): Promise<{ status: string }> {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  }
}

@Module({ controllers: [ReadyController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  logger.info({ url: await app.getUrl() }, 'floor listening');
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'floor failed to start');
  process.exit(1);
});
