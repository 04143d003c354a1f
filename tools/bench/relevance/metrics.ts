import type { Grades } from './grades';

/**
 * Relevant, for recall: grade 2 or more. For an exact-title query that is the one product it names
 * (grade 3): the others of its type (grade 1) are alternatives, not what was asked for.
 */
export const RELEVANT_GRADE = 2;

/**
 * nDCG@k with graded gains (2^grade - 1) and a log2(rank + 1) discount, over the ideal DCG of the
 * best k of ALL labelled products (not only those returned), so a mode that misses them is not excused.
 */
export function ndcgAt(k: number, rankedIds: readonly string[], grades: Grades): number {
  const ideal = dcg([...grades.values()].sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) throw new Error('a query without any labelled product has no nDCG');
  return dcg(rankedIds.slice(0, k).map((id) => grades.get(id) ?? 0)) / ideal;
}

/**
 * Share of the relevant products found in the first k, against min(k, relevant): a query with 26
 * relevant products scores 1 when all of its first 20 results are relevant.
 */
export function recallAt(k: number, rankedIds: readonly string[], grades: Grades): number {
  const relevant = [...grades.values()].filter((grade) => grade >= RELEVANT_GRADE).length;
  if (relevant === 0) throw new Error('a query without any relevant product has no recall');
  const found = rankedIds.slice(0, k).filter((id) => (grades.get(id) ?? 0) >= RELEVANT_GRADE).length;
  return found / Math.min(k, relevant);
}

function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}
