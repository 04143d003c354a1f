import type { LogFormat } from '@marketplace/platform';

/**
 * LOG_FORMAT when set; else readable lines on a terminal and JSON lines anywhere else (a pipe, a file,
 * a log collector). Colour only on a terminal, and never with NO_COLOR (no-color.org).
 */
export function consoleSettings(logFormat: LogFormat | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): { format: LogFormat; colour: boolean } {
  return { format: logFormat ?? (isTTY ? 'pretty' : 'json'), colour: isTTY && !env.NO_COLOR };
}
