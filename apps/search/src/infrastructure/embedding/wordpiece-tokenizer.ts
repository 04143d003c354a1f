import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { basicTokenize } from './bert-basic-tokenizer';

/** The parts of a Hugging Face tokenizer.json (a BERT WordPiece model) this tokenizer reads. */
const tokenizerJsonSchema = z.object({
  added_tokens: z.array(z.object({ id: z.number().int(), content: z.string().min(1) })).default([]),
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.string(),
    continuing_subword_prefix: z.string().default('##'),
    max_input_chars_per_word: z.number().int().positive().default(100),
    vocab: z.record(z.string(), z.number().int().nonnegative()),
  }),
});

export type TokenizerJson = z.input<typeof tokenizerJsonSchema>;

export interface WordPieceTokenizerOptions {
  /** Tokens per text, [CLS] and [SEP] included; longer texts lose their end (256 for all-MiniLM-L6-v2). */
  maxLength?: number;
}

/**
 * BERT's WordPiece tokenizer for one text: [CLS], the words' greedy longest-match pieces, [SEP]. Special tokens
 * written literally in the text ("[SEP]") stay single tokens, as in the reference implementation.
 */
export class WordPieceTokenizer {
  readonly maxLength: number;
  private readonly vocab: Map<string, number>;
  private readonly unknownId: number;
  private readonly clsId: number;
  private readonly sepId: number;
  private readonly continuation: string;
  private readonly maxCharsPerWord: number;
  private readonly specialTokens: Map<string, number>;
  private readonly specialPattern: RegExp | undefined;

  constructor(json: TokenizerJson, options: WordPieceTokenizerOptions = {}) {
    const { model, added_tokens } = tokenizerJsonSchema.parse(json);
    this.maxLength = options.maxLength ?? 256;
    if (!Number.isInteger(this.maxLength) || this.maxLength < 2) throw new RangeError(`maxLength must be a whole number of at least 2 ([CLS] and [SEP]), not ${this.maxLength}`);
    this.vocab = new Map(Object.entries(model.vocab));
    this.unknownId = this.idOf(model.unk_token);
    this.clsId = this.idOf('[CLS]');
    this.sepId = this.idOf('[SEP]');
    this.continuation = model.continuing_subword_prefix;
    this.maxCharsPerWord = model.max_input_chars_per_word;
    this.specialTokens = new Map(added_tokens.map((token) => [token.content, token.id]));
    // Longest first, so that no special token matches inside a longer one.
    const alternatives = [...this.specialTokens.keys()].sort((a, b) => b.length - a.length).map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.specialPattern = alternatives.length ? new RegExp(`(${alternatives.join('|')})`) : undefined;
  }

  static fromFile(path: string, options?: WordPieceTokenizerOptions): WordPieceTokenizer {
    return new WordPieceTokenizer(JSON.parse(readFileSync(path, 'utf8')) as TokenizerJson, options);
  }

  /** The token ids of `text`, [CLS] first and [SEP] last, at most maxLength of them. */
  encode(text: string): number[] {
    const ids = [this.clsId];
    const limit = this.maxLength - 1;
    // With a capturing group, split puts the special tokens at the odd indexes.
    const segments = this.specialPattern ? text.split(this.specialPattern) : [text];
    for (let index = 0; index < segments.length && ids.length < limit; index++) {
      const special = index % 2 === 1 ? this.specialTokens.get(segments[index]) : undefined;
      if (special !== undefined) ids.push(special);
      else for (const word of basicTokenize(segments[index])) if (ids.length < limit) this.pushPieces(word, ids);
    }
    ids.length = Math.min(ids.length, limit);
    ids.push(this.sepId);
    return ids;
  }

  private pushPieces(word: string, ids: number[]): void {
    const chars = Array.from(word);
    if (chars.length > this.maxCharsPerWord) {
      ids.push(this.unknownId);
      return;
    }
    const pieces: number[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = chars.length;
      let id: number | undefined;
      for (; end > start; end--) {
        id = this.vocab.get((start > 0 ? this.continuation : '') + chars.slice(start, end).join(''));
        if (id !== undefined) break;
      }
      // A word with any part outside the vocabulary is unknown as a whole.
      if (id === undefined) {
        ids.push(this.unknownId);
        return;
      }
      pieces.push(id);
      start = end;
    }
    ids.push(...pieces);
  }

  private idOf(token: string): number {
    const id = this.vocab.get(token);
    if (id === undefined) throw new Error(`the tokenizer's vocabulary has no ${token}`);
    return id;
  }
}
