import { BusConfigurationError } from './bus-errors';

export function assertPartitionCount(partitions: number): void {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 10_000) {
    throw new BusConfigurationError(`a topic needs a whole number of partitions between 1 and 10000, not ${partitions}`);
  }
}
