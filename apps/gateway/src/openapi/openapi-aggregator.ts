import { Inject, Injectable } from '@nestjs/common';
import { BACKEND_SERVICES, PLATFORM_CONFIG } from '@marketplace/platform';
import { serviceBaseUrl, type GatewayConfig } from '../gateway-config';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from './merge-openapi';

/** The merged document, rebuilt from the services at most once per OPENAPI_CACHE_TTL_MS. */
@Injectable()
export class OpenApiAggregator {
  private cached?: { document: Promise<OpenApiDocument>; expiresAt: number };

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig) {}

  document(now: number = Date.now()): Promise<OpenApiDocument> {
    if (!this.cached || this.cached.expiresAt <= now) {
      this.cached = { document: this.build(), expiresAt: now + this.config.OPENAPI_CACHE_TTL_MS };
    }
    return this.cached.document;
  }

  private async build(): Promise<OpenApiDocument> {
    const documents = await Promise.all(BACKEND_SERVICES.map((service) => this.fetchDocument(service)));
    return mergeOpenApi(documents, { title: 'Marketplace API', version: 'v1' });
  }

  private async fetchDocument(service: (typeof BACKEND_SERVICES)[number]): Promise<ServiceDocument> {
    const url = new URL('/openapi.json', serviceBaseUrl(this.config, service));
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.config.READY_CHECK_TIMEOUT_MS) });
      if (!response.ok) {
        await response.body?.cancel();
        return { service, unavailable: `answered ${response.status}` };
      }
      const document = (await response.json().catch(() => undefined)) as OpenApiDocument | undefined;
      if (typeof document !== 'object' || document === null || typeof document.paths !== 'object' || document.paths === null) {
        return { service, unavailable: 'not an OpenAPI document' };
      }
      return { service, document };
    } catch (error) {
      const { cause, name, message } = error as Error & { cause?: { code?: string; message?: string } };
      const reason = name === 'TimeoutError' ? 'timed out' : (cause?.code ?? cause?.message ?? message);
      return { service, unavailable: `unreachable (${reason})` };
    }
  }
}
