import { randomBytes } from 'node:crypto';
import { BACKEND_SERVICES, SERVICE_NAMES, type ServiceName } from '@marketplace/platform';
import { ServiceCluster } from '@marketplace/testing';
import { BenchApi } from './bench-api';
import { deleteTopics, runTopicPrefix } from './run-topics';

export interface BenchMarketplace {
  /** The gateway's `/api/v1`. */
  api: BenchApi;
  /** Identity's bootstrapped admin. */
  admin: { email: string; password: string };
  /** Each service's process id and base URL. */
  services: { name: ServiceName; pid: number; url: string }[];
  stop(): Promise<void>;
}

/**
 * The seven services as processes on `databaseUrl` and the bus (Kafka when `kafkaBrokers`, on topics
 * of the run's own, deleted when it stops: no history of earlier runs to catch up on), logging errors
 * only: identity first with a bootstrapped admin, then the others checking tokens against it, the
 * gateway last with its rate limits out of the way (one client at full speed would only measure 429s).
 */
export async function startBenchMarketplace(label: string, databaseUrl: string, kafkaBrokers?: string[]): Promise<BenchMarketplace> {
  const admin = { email: `admin-${randomBytes(4).toString('hex')}@example.com`, password: `Admin-${randomBytes(12).toString('base64url')}` };
  const topicPrefix = kafkaBrokers ? runTopicPrefix(label) : undefined;
  const quiet = { LOG_LEVEL: 'error', ...(topicPrefix && { KAFKA_TOPIC_PREFIX: topicPrefix }) };
  const clusters: ServiceCluster[] = [];
  const stop = async () => {
    for (const cluster of clusters.reverse()) await cluster.stop();
    if (kafkaBrokers && topicPrefix) await deleteTopics(kafkaBrokers, topicPrefix);
  };
  try {
    const identity = await ServiceCluster.start({ label, databaseUrl, kafkaBrokers, backends: [{ app: 'identity', env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...quiet } }] });
    clusters.push(identity);
    const env = { IDENTITY_URL: identity.url('identity'), ...quiet };
    const rest = await ServiceCluster.start({
      label,
      databaseUrl,
      kafkaBrokers,
      backends: BACKEND_SERVICES.filter((service) => service !== 'identity').map((app) => ({ app, env })),
      gateway: { absent: [], env: { ...env, RATE_LIMIT_IP_MAX: '1000000000', RATE_LIMIT_USER_MAX: '1000000000' } },
    });
    clusters.push(rest);
    const services = SERVICE_NAMES.map((name) => {
      const process = (name === 'identity' ? identity : rest).process(name);
      return { name, pid: process.pid ?? 0, url: process.baseUrl };
    });
    return { api: new BenchApi(`${rest.url('gateway')}/api/v1`), admin, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
