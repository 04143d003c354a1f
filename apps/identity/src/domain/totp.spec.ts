import { checkTotp, timeStep } from './totp';

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890"; codes are the last 6 of its 8 digits.
const secretBase32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);
const STEP_37037036 = at(1111111109); // code 081804
const STEP_37037037 = at(1111111111); // code 050471

function given(lastUsedStep: number | null) {
  return { when: (code: string, now: Date) => ({ then: (expected: ReturnType<typeof checkTotp>) => expect(checkTotp({ secretBase32, code, now, lastUsedStep })).toEqual(expected) }) };
}

describe('TOTP check', () => {
  it('counts 30-second steps from the epoch', () => {
    expect([timeStep(at(59)), timeStep(STEP_37037036), timeStep(STEP_37037037)]).toEqual([1, 37037036, 37037037]);
  });

  it('given no code used yet, when the RFC vector is sent at its time, then it is accepted with its step', () => {
    given(null).when('287082', at(59)).then({ accepted: true, step: 1 });
    given(null).when('081804', STEP_37037036).then({ accepted: true, step: 37037036 });
  });

  it('given no code used yet, when a code of the previous or next step is sent, then it is accepted (one step of skew)', () => {
    given(null).when('081804', STEP_37037037).then({ accepted: true, step: 37037036 });
    given(null).when('050471', STEP_37037036).then({ accepted: true, step: 37037037 });
  });

  it('given no code used yet, when a code two steps away is sent, then it is wrong', () => {
    given(null).when('081804', at(1111111109 + 60)).then({ accepted: false, why: 'wrong_code' });
    given(null).when('050471', at(1111111111 - 61)).then({ accepted: false, why: 'wrong_code' });
  });

  it('given a step used, when its code is sent again, then it is a replay', () => {
    given(37037036).when('081804', STEP_37037036).then({ accepted: false, why: 'replayed' });
  });

  it('given a step used, when an older code still in the window is sent, then it is a replay too', () => {
    given(37037037).when('081804', STEP_37037037).then({ accepted: false, why: 'replayed' });
  });

  it('given a step used, when the next step\'s code is sent, then it is accepted', () => {
    given(37037036).when('050471', STEP_37037037).then({ accepted: true, step: 37037037 });
  });

  it('refuses a wrong or malformed code', () => {
    given(null).when('081805', STEP_37037036).then({ accepted: false, why: 'wrong_code' });
    given(null).when('81804', STEP_37037036).then({ accepted: false, why: 'wrong_code' });
  });
});
