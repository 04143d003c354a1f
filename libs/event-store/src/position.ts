import { InvalidEventStoreRequestError } from './errors';
import type { Position } from './port';

/** Orders positions of the global log: by commit, then prepare. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** A checkpoint as text ("<commit>/<prepare>"), for storing it in a column or a log line. */
export function formatPosition(position: Position): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new InvalidEventStoreRequestError(`Not a global log position: "${text}"`, 'position');
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
