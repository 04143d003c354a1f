import { takeBackends } from './global-state';

/** Stops only what the global setup started; infrastructure found already running is left alone. */
export default async function globalTeardown(): Promise<void> {
  const releases = takeBackends().flatMap(({ name, release }) => (release ? [{ name, release }] : []));
  const results = await Promise.allSettled(releases.map(({ release }) => release()));
  results.forEach((result, i) => {
    const name = releases[i].name;
    const line = result.status === 'fulfilled' ? `${name}: stopped` : `${name}: could not stop (${String(result.reason)})`;
    process.stdout.write(`[infrastructure] ${line}\n`);
  });
}
