import { dlqListCommand } from '../dlq/dlq-list-command';
import { dlqReplayCommand } from '../dlq/dlq-replay-command';
import { dlqShowCommand } from '../dlq/dlq-show-command';
import { republishCommand } from '../events/republish-command';
import type { OpsCommand } from '../ops-command';

/** Every command of the CLI, in the order `--help` lists them. */
export const OPS_COMMANDS: OpsCommand[] = [republishCommand, dlqListCommand, dlqShowCommand, dlqReplayCommand];
