/** Base of every error this library raises, so callers can tell them from driver or projection errors. */
export abstract class ProjectionError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A projection definition that cannot be run (bad name, table or version). */
export class InvalidProjectionError extends ProjectionError {
  readonly code = 'PROJECTION_INVALID';
}

/** No projection of that name is registered with the engine. */
export class UnknownProjectionError extends ProjectionError {
  readonly code = 'PROJECTION_UNKNOWN';

  constructor(readonly projection: string) {
    super(`Unknown projection "${projection}"`);
  }
}

/** `tables(name)` was asked for a table the projection does not declare. */
export class UnknownTableError extends ProjectionError {
  readonly code = 'PROJECTION_UNKNOWN_TABLE';

  constructor(
    readonly projection: string,
    readonly table: string,
  ) {
    super(`Projection "${projection}" declares no table "${table}"`);
  }
}

/** Another process (or call) already holds the lock this operation needs, e.g. a rebuild in progress. */
export class ProjectionBusyError extends ProjectionError {
  readonly code = 'PROJECTION_BUSY';
}

/**
 * The stored read model was built by another version of the projection. An older runner stops rather
 * than write its shape into tables a newer version rebuilt; a newer one rebuilds before running.
 */
export class ProjectionVersionMismatchError extends ProjectionError {
  readonly code = 'PROJECTION_VERSION_MISMATCH';

  constructor(
    readonly projection: string,
    readonly stored: number,
    readonly running: number,
  ) {
    super(`Projection "${projection}" is stored at version ${stored} but this process runs version ${running}`);
  }
}

/** The checkpoint row a writer needs is missing: the tables were never initialised or were dropped by hand. */
export class ProjectionNotInitialisedError extends ProjectionError {
  readonly code = 'PROJECTION_NOT_INITIALISED';

  constructor(readonly checkpoint: string) {
    super(`No checkpoint "${checkpoint}": the projection's tables were not initialised`);
  }
}
