import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger, BusLogLevel } from '../bus-support';

const TO_KAFKAJS: Record<BusLogLevel, logLevel> = { error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG };

export function kafkaLogLevel(level: BusLogLevel): logLevel {
  return TO_KAFKAJS[level];
}

/** Sends the Kafka client's own logs to the bus logger instead of its default console output. */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, ...fields } = log;
      logger(fromKafkajs(level), `kafka ${namespace}: ${message}`, fields);
    };
}

function fromKafkajs(level: logLevel): BusLogLevel {
  if (level <= logLevel.ERROR) return 'error';
  if (level === logLevel.WARN) return 'warn';
  if (level === logLevel.INFO) return 'info';
  return 'debug';
}
