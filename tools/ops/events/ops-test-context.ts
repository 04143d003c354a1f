import { Pool } from 'pg';
import type { OpsContext, OpsOutput } from '../ops-context';

/** An OpsOutput that keeps every line and each progress bar's count, for assertions. */
export class CapturedOutput implements OpsOutput {
  readonly lines: string[] = [];
  readonly progressed: { label: string; count: number; summary?: string }[] = [];

  line(text: string): void {
    this.lines.push(...text.split('\n'));
  }

  progress(label: string) {
    const bar: { label: string; count: number; summary?: string } = { label, count: 0 };
    this.progressed.push(bar);
    return { advance: (count: number) => void (bar.count += count), done: (summary?: string) => void (bar.summary = summary) };
  }

  text(): string {
    return this.lines.join('\n');
  }
}

export interface TestOpsContext extends OpsContext {
  readonly out: CapturedOutput;
  close(): Promise<void>;
}

/** A real context on a test database (and Kafka under a prefix of the test's own), as the CLI builds one. */
export function testOpsContext(settings: { databaseUrl: string; kafkaBrokers?: string[]; kafkaTopicPrefix?: string }): TestOpsContext {
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 4 });
  return { ...settings, pool, out: new CapturedOutput(), close: () => pool.end() };
}
