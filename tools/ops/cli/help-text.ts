import type { OpsCommand } from '../ops-command';

/** The whole CLI's help: usage, global options and one line per command. */
export function cliHelp(commands: readonly OpsCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: npm run ops -- <command> [arguments] [options]   (or: marketplace-ops <command> ...)',
    '',
    'Operates a marketplace: its database is DATABASE_URL, else the one `npm start` is running',
    '(.data/runtime.json); KAFKA_BROKERS (or the runtime file) selects Kafka mode.',
    '',
    'Commands:',
    ...list,
    '',
    'Options for every command:',
    '  --help, -h   the command\'s own help',
    '  --verbose    show the full error (with its stack) when a command fails',
    '',
    'Example: npm run ops -- projections status',
  ].join('\n');
}
