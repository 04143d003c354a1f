import { KNEX } from '@marketplace/platform';
import type { Provider } from '@nestjs/common';
import type { OpsConnection } from '../../ops-context';
import { ReplayLedger } from '../../dlq/replay-ledger';
import { OPS_CONNECTION } from '../ops-connection';

/** DI token of the CLI's replay ledger (`ops.dlq_replays`), migrated at start. */
export const REPLAY_LEDGER = Symbol('REPLAY_LEDGER');

export const replayLedgerProvider: Provider = {
  provide: REPLAY_LEDGER,
  // After KNEX: the platform's migration creates the schema, which a concurrent CREATE SCHEMA would race on.
  inject: [OPS_CONNECTION, KNEX],
  useFactory: async (connection: OpsConnection) => {
    const ledger = new ReplayLedger(connection.pool);
    await ledger.migrate();
    return ledger;
  },
};
