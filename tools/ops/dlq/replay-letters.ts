import { type MessageBus, redeliveryOf } from '@marketplace/messaging';
import { OpsConflictError, OpsError } from '../ops-command';
import { letterId, lettersNamed, type ListedLetter, readLetters } from './dead-letters';
import type { ReplayLedger } from './replay-ledger';

export interface ReplayRequest {
  /** The dead-letter topic, `<topic>.dlq`. */
  topic: string;
  /** Only this letter (its event id or place); every pending letter when absent. */
  id?: string;
  signal?: AbortSignal;
  /** Once the pending letters are known. */
  onStart?(letters: number): void;
  /** Letters handled since the last call. */
  onProgress?(letters: number): void;
}

export interface ReplayOutcome {
  /** Events sent back (the letters of one event go as one message). */
  replayed: number;
  /** Letters that were pending. */
  pending: number;
  /** Where they went; undefined when nothing was pending. */
  originalTopic?: string;
}

/**
 * Sends pending dead letters back to their original topic with their key, bytes and headers, each
 * marked in the ledger in the same transaction (so never twice), for `dlq replay` and the ops server.
 */
export async function replayLetters(bus: MessageBus, ledger: ReplayLedger, request: ReplayRequest): Promise<ReplayOutcome> {
  const { topic, id } = request;
  const letters = await readLetters(bus, ledger, topic);
  const pending = (id === undefined ? letters : lettersNamed(letters, id, topic)).filter((letter) => !letter.replayedAt);
  if (id !== undefined && pending.length === 0) throw new OpsConflictError(`dead letter "${id}" of ${topic} was replayed already`);
  if (pending.length === 0) return { replayed: 0, pending: 0 };
  request.onStart?.(pending.length);
  const producer = await bus.producer();
  let replayed = 0;
  try {
    for (const group of byEvent(pending)) {
      if (request.signal?.aborted) throw new OpsError(`interrupted after ${replayed} events; the rest are still pending`);
      const places = group.map((letter) => ({ place: letter.place, eventId: letter.eventId }));
      if (await ledger.replayOnce(topic, places, () => producer.send([redeliveryOf(group[0])]))) replayed += 1;
      request.onProgress?.(group.length);
    }
  } finally {
    await producer.close();
  }
  return { replayed, pending: pending.length, originalTopic: pending[0].originalTopic };
}

/** The letters of one event go back as one message: every group of the topic receives it anyway. */
function byEvent(letters: ListedLetter[]): ListedLetter[][] {
  const groups = new Map<string, ListedLetter[]>();
  for (const letter of letters) groups.set(letterId(letter), [...(groups.get(letterId(letter)) ?? []), letter]);
  return [...groups.values()];
}
