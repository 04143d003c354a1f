import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BACKEND_SERVICES, PLATFORM_CONFIG, ReadinessRegistry } from '@marketplace/platform';
import { serviceBaseUrl, type GatewayConfig } from '../gateway-config';

/** The gateway is ready only when every service behind it is (the ops server too): one readiness check per service. */
@Injectable()
export class ServiceReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    for (const service of BACKEND_SERVICES) {
      const base = serviceBaseUrl(this.config, service);
      this.readiness.register(service, () => checkReady(new URL('/ready', base), this.config.READY_CHECK_TIMEOUT_MS));
    }
  }
}

async function checkReady(url: URL, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`unreachable at ${url.origin} (${cause})`);
  }
  await response.body?.cancel();
  if (response.status !== 200) throw new Error(`${url.origin}/ready answered ${response.status}`);
}
