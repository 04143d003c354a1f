/**
 * A small YAML emitter for the generated documents (plain data: objects, arrays, strings, numbers,
 * booleans, null). Strings that could be misread are written JSON-quoted, which YAML accepts as-is.
 */
export function toYaml(value: unknown): string {
  if (!isCollection(value) || isEmpty(value)) return `${scalar(value)}\n`;
  return `${collection(value, 0).join('\n')}\n`;
}

type Collection = unknown[] | Record<string, unknown>;

function collection(value: Collection, indent: number): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => entry('-', item, indent));
  return Object.entries(value)
    .filter(([, child]) => child !== undefined)
    .flatMap(([key, child]) => entry(`${plainOrQuoted(key)}:`, child, indent));
}

function entry(prefix: string, value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string' && isBlockText(value)) {
    return [`${pad}${prefix} |-`, ...value.split('\n').map((line) => (line ? `${pad}  ${line}` : ''))];
  }
  if (!isCollection(value) || isEmpty(value)) return [`${pad}${prefix} ${scalar(value)}`];
  const lines = collection(value, indent + 2);
  // A sequence item starts on the dash line: `- key: value`.
  if (prefix === '-') return [`${pad}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1)];
  return [`${pad}${prefix}`, ...lines];
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`YAML cannot hold the number ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return plainOrQuoted(value);
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  throw new Error(`YAML cannot hold a ${typeof value}`);
}

// Starts with a letter (so never a number, indicator or tag) and holds no flow characters.
const PLAIN = /^[A-Za-z_/$][^{}[\]]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;

function plainOrQuoted(text: string): string {
  const ambiguous =
    RESERVED.test(text) ||
    hasControlCharacter(text) ||
    text.includes(': ') ||
    text.includes(' #') ||
    text.endsWith(':') ||
    text.endsWith(' ');
  return PLAIN.test(text) && !ambiguous ? text : JSON.stringify(text);
}

/** Multi-line text reads best as a literal block, when its lines survive one unchanged. */
function isBlockText(text: string): boolean {
  return text.includes('\n') && !/^\s|\s$|[ \t]\n|\r|\t/.test(text);
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

function isCollection(value: unknown): value is Collection {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.values(value).every((child) => child === undefined);
}
