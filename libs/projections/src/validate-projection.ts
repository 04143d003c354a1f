import { InvalidProjectionError } from './errors';
import type { ProjectionDefinition } from './projection';
import { assertIdentifier } from './sql-names';
import { SHADOW_SUFFIX } from './table-names';

const PROJECTION_NAME = /^[a-z][a-z0-9_-]*$/;

/** Checks everything about a definition that can be checked before touching the database. */
export function validateProjection(schema: string, projection: ProjectionDefinition): void {
  assertIdentifier('Schema', schema);
  if (!PROJECTION_NAME.test(projection.name)) {
    throw new InvalidProjectionError(`Projection name "${projection.name}" must match ${PROJECTION_NAME.source}`);
  }
  if (!Number.isInteger(projection.version) || projection.version < 1) {
    throw new InvalidProjectionError(`Projection "${projection.name}" version must be a positive integer`);
  }
  if (projection.tables.length === 0) {
    throw new InvalidProjectionError(`Projection "${projection.name}" declares no tables`);
  }
  const seen = new Set<string>();
  for (const table of projection.tables) {
    assertIdentifier(`Table of projection "${projection.name}"`, table.name, SHADOW_SUFFIX.length);
    if (seen.has(table.name)) {
      throw new InvalidProjectionError(`Projection "${projection.name}" declares table "${table.name}" twice`);
    }
    seen.add(table.name);
  }
}

export function validateProjections(schema: string, projections: readonly ProjectionDefinition[]): void {
  const names = new Set<string>();
  for (const projection of projections) {
    validateProjection(schema, projection);
    if (names.has(projection.name)) throw new InvalidProjectionError(`Projection "${projection.name}" is registered twice`);
    names.add(projection.name);
  }
}
