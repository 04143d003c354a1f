import { ConsoleOutput } from './console-output';
import { consoleSettings } from './log-format';
import { prettyLine } from './pretty-line';

const at = '2026-01-01T10:11:12.000Z';
const clock = new Date(at).toTimeString().slice(0, 8);

describe('pretty log lines', () => {
  it('shows time, prefix and message, and the other fields as key=value without the ids every line carries', () => {
    const record = { level: 'info', time: at, service: 'orders', request_id: 'r', trace_id: 't', span_id: 's', orderId: 'o-1', msg: 'order placed: 2 item(s), total €47.98' };
    expect(prettyLine(record, 'orders |', false)).toBe(`${clock} orders | order placed: 2 item(s), total €47.98  orderId=o-1`);
  });

  it('writes a request as method, url, status and duration', () => {
    const record = { level: 'info', time: at, method: 'POST', url: '/api/v1/orders', status: 202, duration_ms: 12, msg: 'request completed' };
    expect(prettyLine(record, 'gateway |', false)).toBe(`${clock} gateway | POST /api/v1/orders -> 202 (12 ms)`);
  });

  it('labels warnings and errors, prefixes a component, and puts an error stack below', () => {
    const warn = { level: 'warn', time: at, component: 'messaging', msg: 'slow', err: { message: 'timeout', stack: 'Error: timeout\n  at x' } };
    expect(prettyLine(warn, 'p |', false)).toBe(`${clock} p | WARN  messaging: slow\n    timeout`);
    const error = { level: 'error', time: at, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n  at y' } };
    expect(prettyLine(error, 'p |', false)).toBe(`${clock} p | ERROR failed\n    Error: boom\n      at y`);
  });

  it('colours only when asked, and shortens long fields', () => {
    const record = { level: 'warn', time: at, msg: 'm', blob: 'x'.repeat(500) };
    const plain = prettyLine(record, 'p |', false);
    expect(plain).not.toContain('\u001b[');
    expect(plain.length).toBeLessThan(300);
    expect(prettyLine(record, 'p |', true)).toContain('\u001b[33mWARN ');
  });
});

describe('npm start console', () => {
  const capture = (format: 'pretty' | 'json') => {
    const written: string[] = [];
    return { console: new ConsoleOutput(format, false, (text) => written.push(text)), written };
  };

  it('passes JSON lines through in json format and wraps plain text into one', () => {
    const { console, written } = capture('json');
    console.line('catalog', 1, '{"level":"info","msg":"hi"}');
    console.line('catalog', 1, 'Invalid configuration: PORT: must be a port number', 'stderr');
    expect(written[0]).toBe('{"level":"info","msg":"hi"}\n');
    expect(JSON.parse(written[1])).toMatchObject({ level: 'warn', service: 'catalog', msg: 'Invalid configuration: PORT: must be a port number' });
  });

  it("holds the services' info lines back in pretty format, never warnings or its own lines", async () => {
    const { console, written } = capture('pretty');
    console.holdBack(true);
    console.line('orders', 0, '{"level":"info","msg":"quiet"}');
    console.line('orders', 0, '{"level":"warn","msg":"loud"}');
    console.say('start', 7, 'seeding');
    await console.quiet(10, 1000);
    expect(console.holdBack(false)).toBe(1);
    expect(written.join('')).not.toContain('quiet');
    expect(written.join('')).toContain('WARN  loud');
    expect(written.join('')).toContain('start         | seeding');
  });

  it('is pretty on a terminal and JSON elsewhere unless LOG_FORMAT says; colour never with NO_COLOR', () => {
    expect(consoleSettings(undefined, true, {})).toEqual({ format: 'pretty', colour: true });
    expect(consoleSettings(undefined, false, {})).toEqual({ format: 'json', colour: false });
    expect(consoleSettings('json', true, {}).format).toBe('json');
    expect(consoleSettings(undefined, true, { NO_COLOR: '1' }).colour).toBe(false);
  });
});
