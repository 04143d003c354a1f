import { eventExamples, exampleCloudEvent } from './examples';
import { marketplaceEvents, parseCloudEvent } from './registry';

/**
 * Analysts read docs/events.md, the JSON Schemas and the AsyncAPI document, all generated from the
 * registry: an event registered without a description or an example would reach them undocumented.
 */
describe('every registered event is documented', () => {
  const examples: Record<string, unknown> = eventExamples;

  it.each(marketplaceEvents.types)('%s has a description that says what happened', (type) => {
    const { description, name } = marketplaceEvents.definition(type);
    expect(description.trim()).toBe(description);
    expect(description).toMatch(/^[A-Z].{20,}[.)]$/s);
    expect(description).not.toBe(name);
  });

  it.each(marketplaceEvents.types)('%s has an example that is a valid message of its type', (type) => {
    expect(Object.hasOwn(examples, type)).toBe(true);
    const example = exampleCloudEvent(type);
    expect(parseCloudEvent(JSON.stringify(example), { upcast: 'none' })).toEqual(example);
  });

  it('has no example for a type that is not registered', () => {
    expect(Object.keys(examples).filter((type) => !marketplaceEvents.has(type))).toEqual([]);
  });
});
