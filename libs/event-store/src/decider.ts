/** A domain event as deciders see it: a discriminated union on `type`, with a JSON `data` payload. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/**
 * An aggregate as pure functions. `decide` returns the events a command produces in a state (or throws a
 * typed business error); `evolve` applies one event. Time and ids come in with the command, never from
 * inside these functions.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The state after the given events, starting from the decider's initial state. */
export function foldEvents<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  state: State = decider.initialState(),
): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}
