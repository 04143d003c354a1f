import { ALL_TOPICS, dlqTopic } from '@marketplace/contracts';
import { assertTopicName, type DeadLetter, isDeadLetterTopic, type MessageBus, readDeadLetter } from '@marketplace/messaging';
import { OpsError, OpsNotFoundError } from '../ops-command';
import type { LetterPlace, ReplayLedger } from './replay-ledger';

/** A dead letter with what the operator refers to it by, and whether it was replayed already. */
export interface ListedLetter extends DeadLetter {
  place: LetterPlace;
  replayedAt?: Date;
}

/** `orders.order.v1` or `orders.order.v1.dlq`, as the dead-letter topic's name; the known topics' when none is given. */
export function dlqTopicsOf(topic: string | undefined): string[] {
  if (topic === undefined) return ALL_TOPICS.map(dlqTopic);
  try {
    assertTopicName(topic);
  } catch {
    throw new OpsError(`"${topic}" is not a topic name: use 1 to 249 characters from [a-zA-Z0-9._-]`);
  }
  return [isDeadLetterTopic(topic) ? topic : dlqTopic(topic)];
}

/** Every letter of one dead-letter topic, in partition and offset order, marked replayed or not. */
export async function readLetters(bus: MessageBus, ledger: ReplayLedger, topic: string): Promise<ListedLetter[]> {
  const [messages, replayed] = await Promise.all([bus.readTopic(topic), ledger.replayed(topic)]);
  return messages.map((message) => {
    const place = `${message.partition}:${message.offset}`;
    return { ...readDeadLetter(message), place, replayedAt: replayed.get(place) };
  });
}

/** A letter is named by its event id, or by its place when it has none (bytes that were not an event). */
export function letterId(letter: ListedLetter): string {
  return letter.eventId ?? letter.place;
}

export function lettersNamed(letters: ListedLetter[], id: string, topic: string): ListedLetter[] {
  const found = letters.filter((letter) => letter.eventId === id || letter.place === id);
  if (found.length === 0) throw new OpsNotFoundError(`no dead letter "${id}" in ${topic} (\`dlq list\` shows their ids)`);
  return found;
}
