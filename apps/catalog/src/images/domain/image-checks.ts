/** The formats a product image may have, recognised by their first bytes (never by name or header). */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

export type RejectionReason = 'not_an_image' | 'too_large' | 'too_many_pixels';

export type ImageCheck = { ok: true; format: ImageFormat } | { ok: false; reason: RejectionReason };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

/** The format announced by the file's magic number, or undefined for anything else. */
export function sniffFormat(head: Uint8Array): ImageFormat | undefined {
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  return undefined;
}

/** An uploaded file by its size and first bytes: too large first, so a huge file is never read. */
export function checkUpload(upload: { size: number; head?: Uint8Array }, limits: ImageLimits): ImageCheck {
  if (upload.size > limits.maxBytes) return { ok: false, reason: 'too_large' };
  const format = upload.head && sniffFormat(upload.head);
  return format ? { ok: true, format } : { ok: false, reason: 'not_an_image' };
}

/** A decodable image whose pixels stay within the limit (a small file can still unpack to a huge bitmap). */
export function checkDimensions(size: { width: number; height: number }, limits: ImageLimits): RejectionReason | undefined {
  return size.width * size.height > limits.maxPixels ? 'too_many_pixels' : undefined;
}
