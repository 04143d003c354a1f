import type { CloudEvent } from '@marketplace/contracts';
import { outboxMessage } from '@marketplace/messaging';
import { escapeIdentifier } from 'pg';
import { HISTORY_PAGE, type HistorySource, tableExists } from './history-source';
import { matchesFilter } from './republish-filter';

interface Row {
  id: string;
  topic: string;
  key: string;
  event: CloudEvent;
}

/**
 * A state + outbox service's history: its outbox. The relay marks a row published and never deletes it,
 * so the rows it marked are exactly what it sent; rows not yet published are left to it (sending them
 * first would put them ahead of earlier events of their key). The aggregate id stands for the stream.
 */
export function outboxHistory(service: string): HistorySource {
  const table = `${escapeIdentifier(service)}.outbox`;
  return {
    service,
    async *messages(pool, filter) {
      if (!(await tableExists(pool, `${service}.outbox`))) return;
      for (let after = '0'; ; ) {
        const { rows } = await pool.query<Row>(
          `select id::text, topic, key, event from ${table} where published_at is not null and id > $1 order by id limit $2`,
          [after, HISTORY_PAGE],
        );
        if (rows.length === 0) return;
        after = rows[rows.length - 1].id;
        yield rows.filter((row) => matchesFilter(filter, row.key, row.event)).map(outboxMessage);
      }
    },
  };
}
