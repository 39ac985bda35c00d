import { countSmsSegments } from './sms-text.ts';

const ellipsis = '...';

/**
 * Keeps a message within `maxSegments` (issue 5 §3: a long notice must not cost ten SMS): a longer one is cut at the
 * last word boundary that still fits with "..." appended. The segment count is monotonic in the prefix length, so
 * the longest fitting cut is found by binary search over the word boundaries. A single word longer than the whole
 * budget is cut inside the word.
 */
export function fitSmsSegments(text: string, maxSegments: number): string {
  if (countSmsSegments(text).segments <= maxSegments) return text;
  const cutAt = (end: number) => `${text.slice(0, end).trimEnd()}${ellipsis}`;
  const longest = (candidates: readonly number[]) => {
    let low = 0;
    let high = candidates.length - 1;
    let best = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (countSmsSegments(cutAt(candidates[mid]!)).segments <= maxSegments) { best = mid; low = mid + 1; } else high = mid - 1;
    }
    return best < 0 ? undefined : candidates[best];
  };
  const atWord = longest([...text.matchAll(/\s+/g)].map((m) => m.index).filter((i) => i > 0));
  if (atWord !== undefined) return cutAt(atWord);
  // Code points, not UTF-16 units: a cut never splits a character.
  const characterEnds: number[] = [];
  let end = 0;
  for (const c of text) characterEnds.push(end += c.length);
  return cutAt(longest(characterEnds) ?? 0);
}
