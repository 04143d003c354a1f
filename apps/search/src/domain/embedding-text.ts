/** What a product's vector is made of: the words a buyer would describe it with, most telling first. */
export interface EmbeddingSource {
  title: string | null;
  categoryNames: readonly string[];
  description: string;
}

/** The text the model reads for a product: title, category path (root first), description. */
export function embeddingText(source: EmbeddingSource): string {
  const parts = [source.title ?? '', source.categoryNames.join(' > '), source.description];
  return parts.map((part) => part.trim()).filter((part) => part.length > 0).join('. ');
}
