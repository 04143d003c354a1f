import type { OpsCommand } from '../ops-command';

/** Every command of the CLI, in the order `--help` lists them. */
export const OPS_COMMANDS: OpsCommand[] = [];
