import { UnknownTableError } from './errors';
import type { ProjectionDefinition, TableResolver, TableTarget } from './projection';
import { assertIdentifier, qualified, quoteIdent } from './sql-names';

/** Live tables carry the declared name; a rebuild writes `<name>__rebuild` and renames it at the swap. */
export type TableSet = 'live' | 'shadow';

export const SHADOW_SUFFIX = '__rebuild';

export function physicalName(table: string, set: TableSet): string {
  return set === 'live' ? table : `${table}${SHADOW_SUFFIX}`;
}

export function tableTarget(schema: string, table: string, set: TableSet): TableTarget {
  const physical = physicalName(table, set);
  return {
    sql: qualified(schema, physical),
    physicalName: physical,
    ident: (suffix) => {
      const name = `${physical}_${suffix}`;
      assertIdentifier('Index or constraint name', name);
      return quoteIdent(name);
    },
  };
}

export function tableResolver(schema: string, projection: ProjectionDefinition, set: TableSet): TableResolver {
  const names = new Map(projection.tables.map((t) => [t.name, qualified(schema, physicalName(t.name, set))]));
  return (table) => {
    const name = names.get(table);
    if (name === undefined) throw new UnknownTableError(projection.name, table);
    return name;
  };
}
