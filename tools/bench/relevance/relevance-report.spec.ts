import type { LabelledQuery } from './queries';
import type { SearchMode } from './relevance-config';
import { goalLines, scoreTable } from './relevance-report';
import type { ModeRun } from './relevance-run';

const exactTitle: LabelledQuery = { q: 'Aurelia A100 Kettle', class: 'exact-title', asked: [], related: [] };
const paraphrase: LabelledQuery = { q: 'something to boil water', class: 'paraphrase', asked: ['electric-kettle'], related: [] };
const latency = { count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
/** A run scoring the exact-title query, then the paraphrase, with these nDCG@10 (recall@20 the same). */
const run = (mode: SearchMode, exact: number, other: number): ModeRun => ({
  mode,
  scores: [
    { query: exactTitle, ndcg10: exact, recall20: exact },
    { query: paraphrase, ndcg10: other, recall20: other },
  ],
  latency,
});

describe('goalLines', () => {
  it('says met when hybrid gains 0.10 and no exact-title query falls', () => {
    expect(goalLines([run('text', 0.9, 0.1), run('hybrid', 0.9, 0.3)])).toEqual([
      'goal: hybrid nDCG@10 at least text + 0.10: met (hybrid 0.600, text 0.500, +0.100)',
      'goal: hybrid never below text in nDCG@10 on an exact-title query: met (1 queries; mean hybrid 0.900, text 0.900)',
    ]);
  });

  it('says not met with the figures, naming each exact-title query that fell', () => {
    expect(goalLines([run('text', 0.9, 0.1), run('hybrid', 0.8, 0.3)])).toEqual([
      'goal: hybrid nDCG@10 at least text + 0.10: not met (hybrid 0.550, text 0.500, +0.050)',
      'goal: hybrid never below text in nDCG@10 on an exact-title query: not met (1 queries; mean hybrid 0.800, text 0.900; 1 below: "Aurelia A100 Kettle" 0.800 < 0.900)',
    ]);
  });

  it('says why a goal was not measured without both modes', () => {
    expect(goalLines([run('text', 1, 0)])).toEqual([
      'goal: hybrid nDCG@10 at least text + 0.10: not measured (needs the text and hybrid modes; ran text)',
      'goal: hybrid never below text in nDCG@10 on an exact-title query: not measured (needs the text and hybrid modes; ran text)',
    ]);
  });
});

describe('scoreTable', () => {
  it('puts the modes side by side, overall and per class that has queries', () => {
    const cells = scoreTable([run('text', 1, 0), run('semantic', 0.5, 0.75)])
      .split('\n')
      .filter((line) => !line.startsWith('|-'))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(cells).toEqual([
      ['queries', 'count', 'text nDCG@10', 'text recall@20', 'semantic nDCG@10', 'semantic recall@20'],
      ['all', '2', '0.500', '0.500', '0.625', '0.625'],
      ['exact-title', '1', '1.000', '1.000', '0.500', '0.500'],
      ['paraphrase', '1', '0.000', '0.000', '0.750', '0.750'],
    ]);
  });
});
