import type { StartedTestContainer } from 'testcontainers';

/** A backend running in a container for the length of the test run. */
export interface ContainerBackend {
  value: string;
  stop(): Promise<void>;
}

const STRIPE_MOCK_IMAGE = 'stripe/stripe-mock:v0.203.0';
const STRIPE_MOCK_PORT = 12111;

// testcontainers is loaded only when a Docker engine answers: importing it costs time the script path does not need.

export const startPostgresContainer = () => startPostgres('postgres:17-alpine');
/** The same PostgreSQL 17 with the pgvector extension installed. */
export const startPgvectorContainer = () => startPostgres('pgvector/pgvector:pg17');

async function startPostgres(image: string): Promise<ContainerBackend> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(image)
    .withDatabase('postgres')
    .withUsername('postgres')
    .withPassword('postgres')
    .withCommand(['postgres', '-c', 'max_connections=300', '-c', 'fsync=off'])
    .start();
  return { value: container.getConnectionUri(), stop: stopper(container) };
}

export async function startKafkaContainer(): Promise<ContainerBackend> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  // Confluent 7.9 ships Kafka 3.9, the same broker line as infra/kafka.sh.
  const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
  return { value: `${container.getHost()}:${container.getMappedPort(9093)}`, stop: stopper(container) };
}

export async function startStripeMockContainer(): Promise<ContainerBackend> {
  const { GenericContainer } = await import('testcontainers');
  const container = await new GenericContainer(STRIPE_MOCK_IMAGE).withExposedPorts(STRIPE_MOCK_PORT).start();
  return { value: `http://${container.getHost()}:${container.getMappedPort(STRIPE_MOCK_PORT)}`, stop: stopper(container) };
}

function stopper(container: StartedTestContainer): () => Promise<void> {
  return async () => {
    await container.stop();
  };
}
