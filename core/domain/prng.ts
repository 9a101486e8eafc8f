// A seeded PRNG (mulberry32): tiny, fast, and identical on every platform, which Math.random is not
// asked to be. Used where the same input must give the same output: the server's layouts and the
// benchmarks' synthetic graphs.
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
