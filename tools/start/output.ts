const COLORS = [36, 32, 33, 35, 34, 96, 92, 93, 95];
const WIDTH = 'notifications'.length;

/** `name |` in a steady colour per name (plain when not on a terminal), so interleaved output stays readable. */
export function prefixFor(name: string, index: number): string {
  const label = `${name.padEnd(WIDTH)} |`;
  return process.stdout.isTTY ? `\u001b[${COLORS[index % COLORS.length]}m${label}\u001b[0m` : label;
}

export function writeLine(line: string): void {
  process.stdout.write(`${line}\n`);
}
