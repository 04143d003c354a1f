/** What the simulated buyer does with an STK push, and how Daraja reports it. */
export interface StkScenario {
  /** Daraja's result code: 0 paid, 1032 cancelled by the user, 1 insufficient balance, 2001 wrong PIN, 1037 unreachable, 1019 expired. */
  resultCode: number;
  /** `none`: the callback never comes; `twice`: it comes, then again (a duplicate). Default `once`. */
  callback?: 'once' | 'twice' | 'none';
  /** Wait before the callback (a late one). Default 300 ms. */
  delayMs?: number;
  /** The shillings the success callback reports, when not the amount pushed (a mismatch). */
  paidAmount?: number;
  /** The buyer has not answered yet: status queries say "being processed" and no callback comes. */
  unanswered?: boolean;
}

export const STK_RESULT_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'The service request is processed successfully.',
  1: 'The balance is insufficient for the transaction.',
  1019: 'Transaction has expired.',
  1032: 'Request cancelled by user.',
  1037: 'DS timeout user cannot be reached.',
  2001: 'The initiator information is invalid.',
};

/** The STK push request fields Daraja documents (Lipa na M-Pesa Online). */
export interface StkPushRequest {
  BusinessShortCode: string;
  Password: string;
  Timestamp: string;
  TransactionType: string;
  Amount: number;
  PartyA: string;
  PartyB: string;
  PhoneNumber: string;
  CallBackURL: string;
  AccountReference: string;
  TransactionDesc: string;
}

/** Why Daraja would refuse the push (its `400.002.02` bad request), or undefined. */
export function stkPushProblem(body: Partial<StkPushRequest>, shortcode: string, passkey: string): string | undefined {
  if (body.BusinessShortCode !== shortcode) return 'Invalid BusinessShortCode';
  if (typeof body.Timestamp !== 'string' || !/^\d{14}$/.test(body.Timestamp)) return 'Invalid Timestamp';
  if (body.Password !== Buffer.from(`${shortcode}${passkey}${body.Timestamp}`).toString('base64')) return 'Invalid Password';
  if (body.TransactionType !== 'CustomerPayBillOnline' && body.TransactionType !== 'CustomerBuyGoodsOnline') return 'Invalid TransactionType';
  if (typeof body.Amount !== 'number' || !Number.isInteger(body.Amount) || body.Amount < 1) return 'Invalid Amount';
  if (typeof body.PhoneNumber !== 'string' || !/^254\d{9}$/.test(body.PhoneNumber) || body.PartyA !== body.PhoneNumber) return 'Invalid PhoneNumber';
  if (typeof body.CallBackURL !== 'string' || !/^https?:\/\//.test(body.CallBackURL)) return 'Invalid CallBackURL';
  if (typeof body.AccountReference !== 'string' || body.AccountReference.length === 0 || body.AccountReference.length > 12) return 'Invalid AccountReference';
  if (typeof body.TransactionDesc !== 'string' || body.TransactionDesc.length > 13) return 'Invalid TransactionDesc';
  return undefined;
}
