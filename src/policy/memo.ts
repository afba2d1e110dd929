// A bounded memo for compiled parts. Policies repeat their parts — the same condition, resource
// pattern or action list in statement after statement, policy after policy — and each compiled part
// is immutable, so it is made once and shared. The memo forgets everything when it grows too big.
export function memo<V>(limit = 4096): (key: string, make: () => V) => V {
  const cache = new Map<string, V>();
  return (key, make) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      v = make();
      cache.set(key, v);
    }
    return v;
  };
}
