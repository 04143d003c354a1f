import { AssertionError } from 'node:assert';
import { deciderSpecification } from '../src';
import { CartAlreadyCheckedOutError, EmptyCartError, cartDecider } from './fixtures/cart-decider';

const spec = deciderSpecification(cartDecider);
const added = { type: 'ItemAdded' as const, data: { sku: 'a', quantity: 2 } };
const checkedOut = { type: 'CheckedOut' as const, data: { at: '2025-01-01T00:00:00Z', items: 2 } };

describe('deciderSpecification', () => {
  it('passes when the command produces the expected events', () => {
    spec.given([added]).when({ type: 'CheckOut', at: '2025-01-01T00:00:00Z' }).then([checkedOut]);
  });

  it('passes when the command throws the expected error class or error', () => {
    spec.given([added, checkedOut]).when({ type: 'AddItem', sku: 'b', quantity: 1 }).then(CartAlreadyCheckedOutError);
    spec.given().when({ type: 'CheckOut', at: '2025-01-01T00:00:00Z' }).then(new EmptyCartError());
  });

  it('fails when the events differ', () => {
    expect(() => spec.given([added]).when({ type: 'CheckOut', at: '2025-01-02T00:00:00Z' }).then([checkedOut])).toThrow(AssertionError);
  });

  it('fails when an error was expected but events came out, or another error was thrown', () => {
    expect(() => spec.given([added]).when({ type: 'CheckOut', at: '2025-01-01T00:00:00Z' }).then(EmptyCartError)).toThrow(AssertionError);
    expect(() => spec.given().when({ type: 'CheckOut', at: '2025-01-01T00:00:00Z' }).then(CartAlreadyCheckedOutError)).toThrow(AssertionError);
  });

  it('fails when events were expected but the command threw', () => {
    expect(() => spec.given().when({ type: 'CheckOut', at: '2025-01-01T00:00:00Z' }).then([checkedOut])).toThrow(EmptyCartError);
  });
});
