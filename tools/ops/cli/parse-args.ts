import { OpsError, type OpsCommand, type ParsedArgs } from '../ops-command';

/** What the command line asks for, before any command runs. */
export interface CommandLine {
  /** The command named by the leading words; undefined when none matches (or none was given). */
  command: OpsCommand | undefined;
  /** The leading words when they name no command, for the error line. */
  words: string[];
  args: ParsedArgs;
  help: boolean;
  verbose: boolean;
}

/** Understood anywhere on the line, whatever the command. */
const GLOBAL_FLAGS: Record<string, 'help' | 'verbose'> = { '--help': 'help', '-h': 'help', '--verbose': 'verbose' };

export function parseCommandLine(argv: readonly string[], commands: readonly OpsCommand[]): CommandLine {
  const global = { help: false, verbose: false };
  const tokens: string[] = [];
  for (const token of argv) {
    const flag = GLOBAL_FLAGS[token];
    if (flag) global[flag] = true;
    else tokens.push(token);
  }
  const firstOption = tokens.findIndex((t) => t.startsWith('-'));
  const words = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
  const command = longestMatch(words, commands);
  const rest = command ? tokens.slice(command.name.split(' ').length) : [];
  // With --help the rest is not checked: `ops streams show --help` must show help, not "missing <stream>".
  const args = command && !global.help ? parseArgs(rest, command) : { positionals: [], options: {} };
  return { command, words, args, ...global };
}

function longestMatch(words: readonly string[], commands: readonly OpsCommand[]): OpsCommand | undefined {
  let best: OpsCommand | undefined;
  for (const command of commands) {
    const name = command.name.split(' ');
    const matches = name.every((word, i) => words[i] === word);
    if (matches && name.length > (best?.name.split(' ').length ?? 0)) best = command;
  }
  return best;
}

/** `--name value`, `--name=value` and flags; a lone `--` ends the options. */
export function parseArgs(tokens: readonly string[], command: Pick<OpsCommand, 'name' | 'options'>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === '--') {
      positionals.push(...tokens.slice(i + 1));
      break;
    }
    if (!token.startsWith('--') || token.length === 2) {
      positionals.push(token);
      continue;
    }
    const [name, inline] = splitOnce(token.slice(2));
    const kind = command.options ? command.options[name] : undefined;
    if (command.options && !kind) throw new OpsError(`${command.name}: unknown option --${name} (see --help)`);
    const next = tokens[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (kind === 'flag' || (!kind && (next === undefined || next.startsWith('--')))) options[name] = true;
    else if (next === undefined) throw new OpsError(`${command.name}: --${name} needs a value`);
    else options[name] = tokens[(i += 1)];
  }
  return { positionals, options };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
