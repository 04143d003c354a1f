import { Controller, Get, Header, Inject } from '@nestjs/common';
import { DependencyUnavailableError } from '../errors/app-error';
import { Public } from '../http/public.decorator';
import { PLATFORM_CONFIG } from '../platform-config';
import type { BaseConfig } from '../config/base-config';
import { metricsRegistry } from './metrics';
import { ReadinessRegistry } from './readiness-registry';

/** Probes and scrapes come from the orchestrator and Prometheus, which hold no user token. */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: BaseConfig,
  ) {}

  /** Live: the process answers. Nothing else is checked, so a dependency outage never restarts it. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready: every registered dependency answers; otherwise 503 naming the ones that do not. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; checks: Record<string, string> }> {
    const report = await this.readiness.run(this.config.READY_CHECK_TIMEOUT_MS);
    if (report.ready) return { status: 'ready', checks: report.checks };
    throw new DependencyUnavailableError(`Not ready: ${report.failing.join(', ')}`, {
      code: 'not_ready',
      details: report.failing.map((name) => ({ field: name, message: report.checks[name] ?? 'failed' })),
    });
  }

  @Get('metrics')
  @Header('content-type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
