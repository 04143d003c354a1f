/**
 * BERT's basic tokenization, as the Hugging Face tokenizers library's BertNormalizer (clean text, Chinese
 * characters, lowercase with accents stripped) and BertPreTokenizer do it: text → words, before WordPiece.
 */

// Unicode "Other" (Cc, Cf, Cs, Co, Cn) is dropped; tab, newline and carriage return are whitespace instead.
const OTHER = /\p{C}/u;
const WHITESPACE = /\p{White_Space}/u;
const NONSPACING_MARK = /\p{Mn}/u;
// ASCII punctuation includes symbols such as $, + and ^, which Unicode files under S, not P.
const PUNCTUATION = /[!-/:-@[-`{-~]|\p{P}/u;

/** The CJK ideograph blocks BERT splits character by character (its _is_chinese_char). */
function isCjkIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2b73f) ||
    (code >= 0x2b740 && code <= 0x2b81f) ||
    (code >= 0x2b920 && code <= 0x2ceaf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}

function cleanText(text: string): string {
  let cleaned = '';
  for (const char of text) {
    if (char === '\t' || char === '\n' || char === '\r') cleaned += ' ';
    else if (char === '\ufffd' || OTHER.test(char)) continue;
    else if (WHITESPACE.test(char)) cleaned += ' ';
    else if (isCjkIdeograph(char.codePointAt(0) ?? 0)) cleaned += ` ${char} `;
    else cleaned += char;
  }
  return cleaned;
}

/** Lowercase one character at a time (no final-sigma rule), accents stripped first as NFD minus nonspacing marks. */
function lowercaseWithoutAccents(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFD')) {
    if (!NONSPACING_MARK.test(char)) folded += char.toLowerCase();
  }
  return folded;
}

/** The words of `text`: split on whitespace, every punctuation character a word of its own. */
export function basicTokenize(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of lowercaseWithoutAccents(cleanText(text))) {
    const punctuation = PUNCTUATION.test(char);
    if (punctuation || WHITESPACE.test(char)) {
      if (word) words.push(word);
      word = '';
      if (punctuation) words.push(char);
    } else {
      word += char;
    }
  }
  if (word) words.push(word);
  return words;
}
