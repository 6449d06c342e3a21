// Which precompressed form of a body to send: the client's Accept-Encoding read as RFC 9110 says
// (a q-value of 0 refuses, `*` stands for any coding not named, identity is acceptable unless
// refused); brotli is preferred over gzip at equal weight, as it is smaller.
export type ContentEncoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: ContentEncoding[] = ['br', 'gzip', 'identity'];

function weightsOf(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0);
  }
  return weights;
}

/** The encoding to answer with; identity when the header is missing or names nothing we have. */
export function preferredEncoding(acceptEncoding: string | null): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  const weights = weightsOf(acceptEncoding);
  const any = weights.get('*');
  const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? (encoding === 'identity' ? (any ?? 0.001) : (any ?? 0));
  let best: ContentEncoding = 'identity';
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
