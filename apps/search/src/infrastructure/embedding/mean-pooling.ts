/**
 * A sentence vector from a transformer's token states, as sentence-transformers makes it for all-MiniLM-L6-v2:
 * the mean of the tokens' states scaled to unit length. `states` is [tokens, dimensions] flattened, every token a
 * real one (no padding, so the attention mask is all ones).
 */
export function meanPoolNormalized(states: Float32Array, tokens: number, dimensions: number): Float32Array {
  if (tokens < 1 || states.length !== tokens * dimensions) throw new RangeError(`token states of length ${states.length} do not fit ${tokens} tokens × ${dimensions}`);
  // Sums in float64: 256 float32 additions would lose precision the reference does not.
  const sum = new Float64Array(dimensions);
  for (let offset = 0; offset < states.length; offset += dimensions) {
    for (let d = 0; d < dimensions; d++) sum[d] += states[offset + d];
  }
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += sum[d] * sum[d];
  // sentence-transformers' normalize divides by max(|x|, 1e-12); the mean's 1/tokens cancels out.
  const scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
  return Float32Array.from(sum, (value) => value * scale);
}
