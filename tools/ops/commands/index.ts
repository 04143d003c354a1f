import { dlqListCommand } from '../dlq/dlq-list-command';
import { dlqReplayCommand } from '../dlq/dlq-replay-command';
import { dlqShowCommand } from '../dlq/dlq-show-command';
import { republishCommand } from '../events/republish-command';
import type { OpsCommand } from '../ops-command';
import { aggregate } from './aggregate';
import { projectionsRebuild } from './projections-rebuild';
import { projectionsStatus } from './projections-status';
import { streamsList } from './streams-list';
import { streamsShow } from './streams-show';

/** Every command of the CLI, in the order `--help` lists them. */
export const OPS_COMMANDS: OpsCommand[] = [
  streamsList,
  streamsShow,
  projectionsStatus,
  projectionsRebuild,
  aggregate,
  republishCommand,
  dlqListCommand,
  dlqShowCommand,
  dlqReplayCommand,
];
