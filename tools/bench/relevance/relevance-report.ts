import { textTable } from '../report-table';
import { QUERY_CLASSES, type QueryClass } from './queries';
import type { ModeRun, QueryScore } from './relevance-run';

/** The goal semantic search is built for: hybrid at least this much above text in mean nDCG@10. */
export const HYBRID_GAIN_GOAL = 0.1;

/** Mean nDCG@10 and recall@20 per mode, side by side: over every query, then per class that has queries. */
export function scoreTable(runs: readonly ModeRun[]): string {
  const headers = ['queries', 'count', ...runs.flatMap((run) => [`${run.mode} nDCG@10`, `${run.mode} recall@20`])];
  const row = (name: string, pick: (score: QueryScore) => boolean) => {
    const count = runs[0].scores.filter(pick).length;
    return [name, String(count), ...runs.flatMap((run) => [mean(run.scores.filter(pick), 'ndcg10'), mean(run.scores.filter(pick), 'recall20')].map(figure))];
  };
  const classes = QUERY_CLASSES.filter((queryClass) => inClass(runs[0].scores, queryClass).length > 0);
  return textTable(headers, [row('all', () => true), ...classes.map((queryClass) => row(queryClass, (score) => score.query.class === queryClass))]);
}

/** Query latency per mode (one search at a time over HTTP, limit 20). */
export function latencyTable(runs: readonly ModeRun[]): string {
  const ms = (value: number) => value.toFixed(1);
  return textTable(
    ['mode', 'searches', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    runs.map(({ mode, latency }) => [mode, String(latency.count), ms(latency.p50Ms), ms(latency.p95Ms), ms(latency.p99Ms), ms(latency.maxMs)]),
  );
}

/** The two goals, each a line saying met or not met with its figures (or why it was not measured). */
export function goalLines(runs: readonly ModeRun[]): string[] {
  const gainGoal = `goal: hybrid nDCG@10 at least text + ${HYBRID_GAIN_GOAL.toFixed(2)}`;
  const exactGoal = 'goal: hybrid never below text in nDCG@10 on an exact-title query';
  const text = runs.find((run) => run.mode === 'text');
  const hybrid = runs.find((run) => run.mode === 'hybrid');
  if (!text || !hybrid) {
    const why = `not measured (needs the text and hybrid modes; ran ${runs.map((run) => run.mode).join(', ')})`;
    return [`${gainGoal}: ${why}`, `${exactGoal}: ${why}`];
  }
  const [textMean, hybridMean] = [mean(text.scores, 'ndcg10'), mean(hybrid.scores, 'ndcg10')];
  const gain = hybridMean - textMean;
  const worse = hybrid.scores.flatMap((score, i) => (score.query.class === 'exact-title' && score.ndcg10 < text.scores[i].ndcg10 - 1e-9 ? [`"${score.query.q}" ${figure(score.ndcg10)} < ${figure(text.scores[i].ndcg10)}`] : []));
  const exact = `${inClass(hybrid.scores, 'exact-title').length} queries; mean hybrid ${figure(mean(inClass(hybrid.scores, 'exact-title'), 'ndcg10'))}, text ${figure(mean(inClass(text.scores, 'exact-title'), 'ndcg10'))}`;
  return [
    `${gainGoal}: ${gain >= HYBRID_GAIN_GOAL - 1e-9 ? 'met' : 'not met'} (hybrid ${figure(hybridMean)}, text ${figure(textMean)}, ${gain >= 0 ? '+' : ''}${figure(gain)})`,
    worse.length === 0 ? `${exactGoal}: met (${exact})` : `${exactGoal}: not met (${exact}; ${worse.length} below: ${worse.join('; ')})`,
  ];
}

function inClass(scores: readonly QueryScore[], queryClass: QueryClass): QueryScore[] {
  return scores.filter((score) => score.query.class === queryClass);
}

function mean(scores: readonly QueryScore[], metric: 'ndcg10' | 'recall20'): number {
  return scores.reduce((sum, score) => sum + score[metric], 0) / scores.length;
}

function figure(value: number): string {
  return value.toFixed(3);
}
