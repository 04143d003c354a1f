import { OPS_COMMANDS } from '../commands';
import { createOpsContext } from '../context/create-ops-context';
import { OpsError, type OpsCommand } from '../ops-command';
import { TerminalOutput, type OutputStream } from '../output/terminal-output';
import { describeFailure } from './describe-failure';
import { cliHelp } from './help-text';
import { parseCommandLine, type CommandLine } from './parse-args';

export interface OpsIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  commands?: readonly OpsCommand[];
}

/** Runs one command line; resolves to the exit code (0 done, 1 anything went wrong). */
export async function runOps(argv: readonly string[], io: OpsIo): Promise<number> {
  const commands = io.commands ?? OPS_COMMANDS;
  const out = new TerminalOutput(io.stdout, io.stderr);
  let line: CommandLine | undefined;
  try {
    line = parseCommandLine(argv, commands);
    if (!line.command) return usage(line, commands, out);
    if (line.help) {
      out.line(line.command.help);
      return 0;
    }
    const opened = await createOpsContext({ env: io.env, cwd: io.cwd, out, signal: io.signal });
    try {
      await line.command.run(line.args, opened.context);
    } finally {
      await opened.close().catch(() => undefined);
    }
    return 0;
  } catch (error) {
    io.stderr.write(`${describeFailure(error, line?.command, { verbose: line?.verbose ?? argv.includes('--verbose') })}\n`);
    return 1;
  }
}

function usage(line: CommandLine, commands: readonly OpsCommand[], out: TerminalOutput): number {
  if (line.words.length === 0) {
    out.line(cliHelp(commands));
    return line.help ? 0 : 1;
  }
  const group = commands.filter((c) => c.name.startsWith(`${line.words[0]} `));
  if (group.length > 0 && line.help) {
    out.line(cliHelp(group));
    return 0;
  }
  if (group.length > 0 && line.words.length === 1) {
    const actions = group.map((c) => c.name.split(' ').slice(1).join(' '));
    throw new OpsError(`${line.words[0]} needs one of: ${actions.join(', ')} (see \`npm run ops -- ${line.words[0]} --help\`)`);
  }
  throw new OpsError(`unknown command "${line.words.join(' ')}"; \`npm run ops -- --help\` lists the commands`);
}
