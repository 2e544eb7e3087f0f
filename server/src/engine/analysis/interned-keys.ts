// Long keys (every module-level binding of a file, its imports) compared at every call or
// endpoint of a keystroke cost their length each time: a key is turned into a number once per
// analysis, and the numbers are compared instead. A number is never given to two keys: when the
// table is emptied (it is bounded), numbering goes on from where it was.

const MAX_KEYS = 10_000;
const numbers = new Map<string, number>();
let next = 0;

export function internKey(key: string): number {
  let number = numbers.get(key);
  if (number === undefined) {
    if (numbers.size >= MAX_KEYS) numbers.clear();
    numbers.set(key, (number = next++));
  }
  return number;
}
