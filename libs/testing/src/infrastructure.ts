/**
 * What an integration test may use. Filled by the jest global setup (libs/testing/src/jest), which takes
 * environment variables first, then testcontainers when a Docker engine answers, then the infra/ scripts.
 */
export interface TestInfrastructure {
  /** Admin connection to a real PostgreSQL server (a test creates its own database from it). */
  postgresUrl?: string;
  kafkaBrokers?: string[];
  kurrentdbUrl?: string;
  stripeApiBase?: string;
}
