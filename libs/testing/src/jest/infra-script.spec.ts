import { parseExports } from './infra-script';

describe('parseExports', () => {
  it('reads the export lines printed by infra/*.sh env', () => {
    const text = [
      'export DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5433/postgres',
      'export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5433/postgres',
      "export QUOTED='a b'",
      '[infra:kafka] a log line',
      '',
    ].join('\n');
    expect(parseExports(text)).toEqual({
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5433/postgres',
      TEST_DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5433/postgres',
      QUOTED: 'a b',
    });
  });
});
