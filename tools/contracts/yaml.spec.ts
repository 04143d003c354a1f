import { toYaml } from './yaml';

describe('toYaml', () => {
  it('writes nested mappings and sequences in block style', () => {
    const yaml = toYaml({
      asyncapi: '3.0.0',
      info: { title: 'Marketplace events', version: '1.0.0' },
      required: ['id', 'type'],
      servers: [{ host: '127.0.0.1:9092', protocol: 'kafka' }, [1, 2]],
      empty: { list: [], map: {} },
      skipped: undefined,
    });
    expect(yaml).toBe(
      [
        'asyncapi: "3.0.0"',
        'info:',
        '  title: Marketplace events',
        '  version: "1.0.0"',
        'required:',
        '  - id',
        '  - type',
        'servers:',
        '  - host: "127.0.0.1:9092"',
        '    protocol: kafka',
        '  - - 1',
        '    - 2',
        'empty:',
        '  list: []',
        '  map: {}',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings YAML would read as something else', () => {
    expect(toYaml({ a: 'true', b: 'null', yes: 'n', c: '42', d: '', e: 'key: value', f: '#tag', g: '- item', h: 'ends ', i: "it's", j: 'a {b}', k: 'ends:' })).toBe(
      ['a: "true"', 'b: "null"', '"yes": "n"', 'c: "42"', 'd: ""', 'e: "key: value"', 'f: "#tag"', 'g: "- item"', 'h: "ends "', "i: it's", 'j: "a {b}"', 'k: "ends:"', ''].join('\n'),
    );
    expect(toYaml({ '$ref': '#/components/messages/x', 'ce-type': 'marketplace.orders.OrderPlaced.v1' })).toBe(
      ['$ref: "#/components/messages/x"', 'ce-type: marketplace.orders.OrderPlaced.v1', ''].join('\n'),
    );
  });

  it('writes multi-line text as a literal block and keeps numbers, booleans and null', () => {
    expect(toYaml({ text: 'line one\n\nline two', count: 1.5, ok: false, none: null })).toBe(
      ['text: |-', '  line one', '', '  line two', 'count: 1.5', 'ok: false', 'none: null', ''].join('\n'),
    );
  });

  it('refuses values YAML cannot hold', () => {
    expect(() => toYaml({ n: Number.NaN })).toThrow(/NaN/);
  });
});
