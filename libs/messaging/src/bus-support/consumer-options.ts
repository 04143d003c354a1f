import type { ConsumerOptions } from '../port';
import { BusConfigurationError } from './bus-errors';
import { assertTopicName } from './outgoing-message';

export function assertConsumerOptions(options: ConsumerOptions): void {
  if (typeof options.groupId !== 'string' || options.groupId.trim() === '') throw new BusConfigurationError('a consumer needs a non-empty groupId');
  if (!Array.isArray(options.topics) || options.topics.length === 0) throw new BusConfigurationError(`consumer ${options.groupId} subscribes to no topic`);
  options.topics.forEach(assertTopicName);
  const handlers = [options.onMessage, options.onBatch].filter((handler) => handler !== undefined);
  if (handlers.length !== 1 || typeof handlers[0] !== 'function') {
    throw new BusConfigurationError(`consumer ${options.groupId} needs one handler: onMessage or onBatch`);
  }
}
