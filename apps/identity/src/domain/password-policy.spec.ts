import { passwordPolicyViolations } from './password-policy';

describe('password policy', () => {
  const email = 'ada@example.com';

  it('accepts a long, uncommon password', () => {
    expect(passwordPolicyViolations('correct horse battery', email)).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for the bounds', () => {
    expect(passwordPolicyViolations('🔑'.repeat(12), email)).toEqual([]);
    expect(passwordPolicyViolations('🔑'.repeat(11), email)).toEqual(['must be at least 12 characters']);
    expect(passwordPolicyViolations('x'.repeat(129), email)).toEqual(['must be at most 128 characters']);
    expect(passwordPolicyViolations('x'.repeat(128), email)).toEqual([]);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordPolicyViolations('Password1234', email)).toEqual(['is too common']);
    expect(passwordPolicyViolations('qwerty', email)).toEqual(['must be at least 12 characters', 'is too common']);
  });

  it('refuses the email address as password', () => {
    expect(passwordPolicyViolations(' ADA@example.com', email)).toEqual(['must not be the email address']);
  });
});
