import { instrumentationsFor } from './instrumentations';

/** The instrumentations' names for an environment (disabled again: they patch modules once created). */
function namesFor(env: NodeJS.ProcessEnv): string[] {
  const instrumentations = instrumentationsFor(env);
  for (const instrumentation of instrumentations) instrumentation.disable();
  return instrumentations.map((instrumentation) => instrumentation.instrumentationName);
}

describe('instrumentationsFor', () => {
  it('instruments HTTP only for a service without a database or Kafka brokers (the gateway, the embedded bus)', () => {
    expect(namesFor({ KAFKA_BROKERS: ' ' })).toEqual(['@opentelemetry/instrumentation-http']);
  });

  it('adds pg with a database and kafkajs with Kafka brokers', () => {
    expect(namesFor({ DATABASE_URL: 'postgres://db/marketplace', KAFKA_BROKERS: 'kafka:9092' })).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-pg',
      '@opentelemetry/instrumentation-kafkajs',
    ]);
  });

  it("leaves the spans of served requests to the platform's server with serverSpans: 'platform', and still traces outgoing requests", () => {
    const configOf = (options?: { serverSpans?: 'instrumentation' | 'platform' }) => {
      const [http, ...others] = instrumentationsFor({}, options);
      for (const instrumentation of [http, ...others]) instrumentation.disable();
      return http.getConfig() as { disableIncomingRequestInstrumentation?: boolean; disableOutgoingRequestInstrumentation?: boolean };
    };
    expect(configOf().disableIncomingRequestInstrumentation).toBe(false);
    expect(configOf({ serverSpans: 'platform' })).toMatchObject({ disableIncomingRequestInstrumentation: true });
    expect(configOf({ serverSpans: 'platform' }).disableOutgoingRequestInstrumentation).toBeFalsy();
  });
});
