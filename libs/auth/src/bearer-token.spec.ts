import { UnauthenticatedError } from '@marketplace/platform';
import { bearerTokenFrom } from './bearer-token';

describe('bearerTokenFrom', () => {
  it('takes the token of a Bearer header', () => {
    expect(bearerTokenFrom('Bearer abc.def-_.ghi')).toBe('abc.def-_.ghi');
  });

  it.each([undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'bearer abc', 'Bearer a b', 'Bearer <script>'])('refuses %p with a 401', (header) => {
    expect(() => bearerTokenFrom(header)).toThrow(UnauthenticatedError);
  });

  it('refuses a repeated header', () => {
    expect(() => bearerTokenFrom(['Bearer a', 'Bearer b'])).toThrow(UnauthenticatedError);
  });
});
