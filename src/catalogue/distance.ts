// Nearest-name search over the catalogue's 22,000 actions. Case-insensitive, and a swap of two
// neighbouring letters (`Gte`, `PutObjcet`) counts as one edit (optimal string alignment distance),
// which is how names are mistyped. A candidate counts only within max(2, ⌊length/3⌋) edits, as
// for the other suggestions of a scenario error. Two cheap bounds skip most candidates before any
// distance is computed (the length difference, and the letters one has and the other lacks), and
// a distance gives up as soon as it cannot win, so a miss over the whole catalogue takes a few ms.

/** The closest candidate, or undefined when none is close enough (or the word is itself one). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const counts = new Int32Array(128);
  for (let i = 0; i < w.length; i++) counts[bucket(w, i)]!++;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const limit = Math.min(bestDist - 1, suggestionLimit(w.length, c.length));
    if (Math.abs(c.length - w.length) > limit) continue;
    const lower = c.toLowerCase();
    if (letterBound(counts, w.length, lower) > limit) continue;
    const d = boundedDistance(w, lower, limit);
    if (d <= limit) {
      best = c;
      bestDist = d;
      if (d === 0) break;
    }
  }
  return best === word ? undefined : best;
}

/** How far a candidate may be from a word to be suggested: max(2, ⌊length/3⌋) edits, the longer's length. */
export const suggestionLimit = (a: number, b: number): number => Math.max(2, Math.floor(Math.max(a, b) / 3));

const bucket = (s: string, i: number) => Math.min(127, s.charCodeAt(i));

/** A lower bound of the edit distance: each edit adds, removes or replaces one letter. */
function letterBound(counts: Int32Array, length: number, c: string): number {
  let missing = 0; // letters of c that the word lacks
  for (let i = 0; i < c.length; i++) if (counts[bucket(c, i)]!-- <= 0) missing++;
  for (let i = 0; i < c.length; i++) counts[bucket(c, i)]!++;
  const surplus = length - (c.length - missing); // letters of the word that c lacks
  return Math.max(missing, surplus);
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The optimal string alignment distance of a and b (without `transpositions`, the Levenshtein
 * distance: a swap is two edits), or limit + 1 once it must exceed limit.
 */
export function boundedDistance(a: string, b: string, limit: number, transpositions = true): number {
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [before, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}
