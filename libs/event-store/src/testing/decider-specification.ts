import { deepStrictEqual, fail, ok } from 'node:assert/strict';
import type { Decider, DomainEvent } from '../decider';
import { foldEvents } from '../decider';

type ErrorClass = abstract new (...args: never[]) => Error;

/** What a command should lead to: these events, an error of this class, or this very error (class and message). */
export type Expectation<Event> = Event[] | ErrorClass | Error;

/**
 * Given/when/then for deciders, runner-independent (node:assert):
 * `spec.given([placed]).when(cancel).then([cancelled])` or `.then(OrderAlreadyShippedError)`.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[] = []) {
      return {
        when(command: Command) {
          return {
            then(expected: Expectation<Event>): void {
              const run = () => decider.decide(command, foldEvents(decider, events));
              if (Array.isArray(expected)) {
                deepStrictEqual(run(), expected);
                return;
              }
              let produced: Event[];
              try {
                produced = run();
              } catch (error) {
                assertExpectedError(error, expected);
                return;
              }
              fail(`Expected ${describe(expected)} to be thrown, but the command produced ${JSON.stringify(produced)}`);
            },
          };
        },
      };
    },
  };
}

function assertExpectedError(error: unknown, expected: ErrorClass | Error): void {
  if (expected instanceof Error) {
    ok(error instanceof expected.constructor, `Expected ${describe(expected)}, got ${String(error)}`);
    deepStrictEqual((error as Error).message, expected.message);
  } else {
    ok(error instanceof expected, `Expected ${describe(expected)}, got ${String(error)}`);
  }
}

function describe(expected: ErrorClass | Error): string {
  return expected instanceof Error ? `${expected.name}("${expected.message}")` : expected.name;
}
