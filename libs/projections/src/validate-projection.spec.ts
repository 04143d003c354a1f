import { InvalidProjectionError, UnknownTableError } from './errors';
import type { ProjectionDefinition, TableDefinition } from './projection';
import { tableResolver, tableTarget } from './table-names';
import { validateProjection, validateProjections } from './validate-projection';

const table = (name: string): TableDefinition => ({ name, ddl: (t) => [`CREATE TABLE ${t.sql} (id text PRIMARY KEY)`] });
const projection = (overrides: Partial<ProjectionDefinition> = {}): ProjectionDefinition => ({
  name: 'order-summaries',
  version: 1,
  tables: [table('order_summaries')],
  apply: async () => undefined,
  ...overrides,
});

describe('projection definitions', () => {
  it('accepts a well-formed definition', () => {
    expect(() => validateProjection('orders', projection())).not.toThrow();
  });

  it.each([
    ['a bad name', projection({ name: 'Order Summaries' })],
    ['a zero version', projection({ version: 0 })],
    ['a fractional version', projection({ version: 1.5 })],
    ['no tables', projection({ tables: [] })],
    ['a table name needing quotes', projection({ tables: [table('Order-Summaries')] })],
    ['a table name too long for its shadow', projection({ tables: [table('t'.repeat(60))] })],
    ['a table declared twice', projection({ tables: [table('a'), table('a')] })],
  ])('rejects %s with a typed error', (_case, definition) => {
    expect(() => validateProjection('orders', definition)).toThrow(InvalidProjectionError);
  });

  it('rejects a bad schema and two projections of one name', () => {
    expect(() => validateProjection('Orders; DROP', projection())).toThrow(InvalidProjectionError);
    expect(() => validateProjections('orders', [projection(), projection()])).toThrow(/registered twice/);
  });
});

describe('table names', () => {
  it('points the same DDL at live or shadow tables, with index names that follow the table', () => {
    const live = tableTarget('orders', 'order_summaries', 'live');
    const shadow = tableTarget('orders', 'order_summaries', 'shadow');
    expect(live.sql).toBe('"orders"."order_summaries"');
    expect(shadow.sql).toBe('"orders"."order_summaries__rebuild"');
    expect(live.ident('status_idx')).toBe('"order_summaries_status_idx"');
    expect(shadow.ident('status_idx')).toBe('"order_summaries__rebuild_status_idx"');
    expect(() => shadow.ident('x'.repeat(50))).toThrow(InvalidProjectionError);
  });

  it('resolves declared tables only', () => {
    const tables = tableResolver('orders', projection(), 'shadow');
    expect(tables('order_summaries')).toBe('"orders"."order_summaries__rebuild"');
    expect(() => tables('payments')).toThrow(UnknownTableError);
  });
});
