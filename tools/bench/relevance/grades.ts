import type { RelevanceProduct } from './relevance-catalog';
import type { LabelledQuery } from './queries';

/** Product id -> grade (1-3) of one query, by the rules at the top of queries.ts; absent means 0. */
export type Grades = ReadonlyMap<string, number>;

export function gradesFor(query: LabelledQuery, products: readonly RelevanceProduct[]): Grades {
  const grades = new Map<string, number>();
  if (query.class === 'exact-title') {
    const wanted = query.q.toLowerCase();
    const named = products.filter((product) => product.title.toLowerCase().startsWith(wanted));
    for (const product of products) if (named.some((n) => n.type === product.type)) grades.set(product.id, 1);
    for (const product of named) grades.set(product.id, 3);
    return grades;
  }
  for (const product of products) {
    const grade = query.asked.includes(product.type) ? askedGrade(query, product) : query.related.includes(product.type) ? 1 : 0;
    if (grade > 0) grades.set(product.id, grade);
  }
  return grades;
}

function askedGrade(query: LabelledQuery, product: RelevanceProduct): number {
  if (!query.attribute) return 2;
  return product.attributes[query.attribute.name] === query.attribute.value ? 2 : 1;
}
