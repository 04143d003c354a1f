import { CLOCK, type Clock } from '@marketplace/kernel';
import { PLATFORM_CONFIG, serviceUrlVariable } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { type OpsServerConfig, WATCHED_SERVICES, type WatchedService } from '../ops-server-config';
import { type Traffic, trafficBetween, trafficSample, type TrafficSample } from './http-traffic';

export interface ServiceView extends Traffic {
  service: WatchedService;
  health: 'up' | 'down';
  /** /ready answered 200 (true) or not (false); null when the service is down. */
  ready: boolean | null;
}

/**
 * Each service's /health, /ready and /metrics. Rates are over the time since the previous call (the
 * console's refresh), so the last scrape of each service is kept; the first call covers its whole life.
 */
@Injectable()
export class ServiceProbe {
  private readonly previous = new Map<WatchedService, TrafficSample>();

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: OpsServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  all(): Promise<ServiceView[]> {
    return Promise.all(WATCHED_SERVICES.map((service) => this.probe(service)));
  }

  private async probe(service: WatchedService): Promise<ServiceView> {
    const base = this.config[serviceUrlVariable(service)];
    const [health, ready, metrics] = await Promise.all([this.get(base, '/health'), this.get(base, '/ready'), this.get(base, '/metrics')]);
    const up = health?.status === 200;
    const view: ServiceView = { service, health: up ? 'up' : 'down', ready: ready ? ready.status === 200 : null, requestsPerSecond: null, errorRate: null, p99Ms: null };
    if (!up || metrics?.status !== 200) return view;
    const sample = trafficSample(metrics.body, this.clock.now().getTime());
    const traffic = trafficBetween(this.previous.get(service), sample);
    this.previous.set(service, sample);
    return { ...view, ...traffic };
  }

  /** The status and body, or undefined when the service does not answer in time. */
  private async get(base: string, path: string): Promise<{ status: number; body: string } | undefined> {
    try {
      const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(this.config.READY_CHECK_TIMEOUT_MS) });
      return { status: response.status, body: await response.text() };
    } catch {
      return undefined;
    }
  }
}
