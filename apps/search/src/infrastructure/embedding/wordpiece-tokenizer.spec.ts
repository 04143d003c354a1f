import golden from './fixtures/tokenizer-golden.json';
import { modelFiles, requireModelFiles } from './model-files';
import { type TokenizerJson, WordPieceTokenizer } from './wordpiece-tokenizer';

const tinyVocab: TokenizerJson = {
  added_tokens: [{ id: 1, content: '[UNK]' }],
  model: { type: 'WordPiece', unk_token: '[UNK]', vocab: { '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3, kettle: 4, ket: 5, '##tle': 6, a: 7, ',': 8 } },
};

describe('WordPieceTokenizer', () => {
  it('gives the token ids of the reference implementation (golden ids from Python tokenizers)', () => {
    // Fails, naming the fetch command, when the model's files are missing: CI fetches them first.
    const tokenizer = WordPieceTokenizer.fromFile(requireModelFiles(modelFiles()).tokenizer, { maxLength: golden.maxLength });
    expect(golden.cases.length).toBeGreaterThanOrEqual(20);
    for (const { text, ids } of golden.cases) expect({ text, ids: tokenizer.encode(text) }).toEqual({ text, ids });
  });

  it('matches greedily, longest piece first, and makes a word with an unknown part [UNK] as a whole', () => {
    const tokenizer = new WordPieceTokenizer(tinyVocab);
    expect(tokenizer.encode('Kettle, ketTLE a')).toEqual([2, 4, 8, 4, 7, 3]);
    expect(tokenizer.encode('ketxle kettle')).toEqual([2, 1, 4, 3]);
  });

  it('truncates to maxLength tokens, [CLS] and [SEP] included', () => {
    const tokenizer = new WordPieceTokenizer(tinyVocab, { maxLength: 4 });
    expect(tokenizer.encode('a a a a a')).toEqual([2, 7, 7, 3]);
    expect(tokenizer.encode('')).toEqual([2, 3]);
  });

  it('rejects a maxLength with no room for [CLS] and [SEP], and a vocabulary without them', () => {
    expect(() => new WordPieceTokenizer(tinyVocab, { maxLength: 1 })).toThrow('maxLength must be a whole number of at least 2');
    expect(() => new WordPieceTokenizer({ model: { ...tinyVocab.model, vocab: { '[UNK]': 0 } } })).toThrow("the tokenizer's vocabulary has no [CLS]");
  });
});
