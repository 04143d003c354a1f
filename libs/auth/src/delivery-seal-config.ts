import { sealKeyId } from '@marketplace/contracts';
import { optional } from '@marketplace/platform';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const KEY_BYTES = 32;

/** DELIVERY_SEAL_KEY as the services read it: base64 of 32 bytes (AES-256), given to DeliverySeal as the bytes. */
export const deliverySealKeyVar = z
  .base64({ error: 'must be base64' })
  // Counted only once it is base64, so a bad key gets one message.
  .refine((value) => Buffer.from(value, 'base64').length === KEY_BYTES, { error: `must be ${KEY_BYTES} bytes in base64`, when: (payload) => payload.issues.length === 0 })
  .transform((value) => Buffer.from(value, 'base64'));

export const DEFAULT_DELIVERY_SEAL_KEY_ID = 'delivery-1';

/**
 * The variables of a service that seals or opens delivery links (identity, notifications); extend its
 * config schema with it, so both refuse the same bad key at startup instead of disagreeing later.
 * The key id is the one the events carry, so it follows the contract's format.
 */
export const deliverySealConfigShape = {
  DELIVERY_SEAL_KEY: optional(deliverySealKeyVar),
  DELIVERY_SEAL_KEY_ID: sealKeyId.default(DEFAULT_DELIVERY_SEAL_KEY_ID),
};

/** A fresh key in the form DELIVERY_SEAL_KEY holds it. */
export function newDeliverySealKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
