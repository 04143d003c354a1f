import type { LogLevel, ServiceApp } from '@marketplace/platform';
import { TestTokenIssuer } from '@marketplace/auth';
import type { DestinationStream } from 'pino';
import { WebSocketUpstream } from './websocket-upstream';
import { UpstreamServer } from './upstream-server';
import { startTestGateway } from './test-gateway';

/** A listening gateway with its HTTP and WebSocket base URLs. */
export interface ListeningGateway {
  app: ServiceApp['app'];
  httpBase: string;
  wsBase: string;
}

/**
 * A stand-in notifications service (HTTP and a real `ws` server on one port), identity's key set, and
 * gateways in front of them, listening on real ports: upgrades cannot be injected.
 */
export class StreamingRig {
  private readonly gateways: ServiceApp[] = [];

  private constructor(
    readonly issuer: TestTokenIssuer,
    readonly notifications: UpstreamServer,
    readonly upstream: WebSocketUpstream,
  ) {}

  static async start(): Promise<StreamingRig> {
    const notifications = await UpstreamServer.start();
    return new StreamingRig(await TestTokenIssuer.start(), notifications, new WebSocketUpstream(notifications));
  }

  /** A gateway with every service at the stand-in, identity's keys at the issuer, and `env` on top. */
  async gateway(env: Record<string, string> = {}, logTo?: DestinationStream, level?: LogLevel): Promise<ListeningGateway> {
    const gateway = await startTestGateway(this.notifications.url, { IDENTITY_URL: new URL(this.issuer.jwks.url).origin, ...env }, logTo, level);
    this.gateways.push(gateway);
    await gateway.app.listen({ port: 0, host: '127.0.0.1' });
    const httpBase = await gateway.app.getUrl();
    return { app: gateway.app, httpBase, wsBase: httpBase.replace(/^http/, 'ws') };
  }

  async close(): Promise<void> {
    for (const gateway of this.gateways) await gateway.app.close();
    this.upstream.close();
    await this.notifications.close();
    await this.issuer.jwks.close();
  }
}
