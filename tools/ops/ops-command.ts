import type { OpsContext } from './ops-context';

/**
 * One `npm run ops -- <group> <action>` command. `run` throws an OpsError (one clear line, non-zero
 * exit) for anything the operator must fix; progress and results go through `context.out`.
 */
export interface OpsCommand {
  /** e.g. `projections rebuild` */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text: usage, options, an example. */
  readonly help: string;
  /**
   * The options it takes: `value` ones read the next argument, `flag` ones are true when present. When
   * given, an option not listed (or a value missing) is refused before `run`; left out, anything goes.
   */
  readonly options?: Readonly<Record<string, 'value' | 'flag'>>;
  run(args: ParsedArgs, context: OpsContext): Promise<void>;
}

export interface ParsedArgs {
  /** Positional arguments after the command's name. */
  readonly positionals: readonly string[];
  /** `--name value` and `--flag` (true). */
  readonly options: Readonly<Record<string, string | true>>;
}

/** An error the operator can act on: printed as one line, exit code 1 (the ops server answers 400). */
export class OpsError extends Error {}

/** What the operator named does not exist: a projection, a dead letter (the ops server answers 404). */
export class OpsNotFoundError extends OpsError {}

/** The thing asked for cannot be done now: already done, or running (the ops server answers 409). */
export class OpsConflictError extends OpsError {}
