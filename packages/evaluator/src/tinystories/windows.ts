/** A training window as `train()` takes it. */
export interface Window {
  ids: Int32Array;
  lossMask: Uint8Array;
}

/**
 * Cuts documents into training windows of `length` tokens: the documents are joined into one
 * stream, each as `[bos] ids [eos]`, and the stream is cut without overlap (the last, shorter
 * window is kept). Every position but the first is trained on.
 *
 * @example trainingWindows([[5, 6, 7]], 4, 1, 2) // → one window [1, 5, 6, 7] and one [2]…
 */
export function trainingWindows(documents: readonly ArrayLike<number>[], length: number, bos: number, eos: number): Window[] {
  const stream: number[] = [];
  for (const doc of documents) {
    stream.push(bos);
    for (let i = 0; i < doc.length; i++) stream.push(doc[i] as number);
    stream.push(eos);
  }
  const windows: Window[] = [];
  for (let start = 0; start + 1 < stream.length; start += length) {
    const ids = Int32Array.from(stream.slice(start, start + length));
    const lossMask = new Uint8Array(ids.length).fill(1);
    lossMask[0] = 0;
    windows.push({ ids, lossMask });
  }
  return windows;
}

/** One window of held-out scoring: the ids the model reads and the first position whose prediction counts. */
export interface ScoringWindow {
  doc: number;
  ids: Int32Array;
  /** Rows `scoreFrom … ids.length − 2` predict tokens that count (row i predicts ids[i + 1]). */
  scoreFrom: number;
}

/**
 * Sliding windows that score every token of `[bos] ids` exactly once with a context of at most
 * `length` tokens: the first window scores all its tokens, each next one (stride length/2) only
 * its second half, so every scored token sees at least length/2 − 1 earlier tokens once available.
 */
export function scoringWindows(documents: readonly ArrayLike<number>[], length: number, bos: number): ScoringWindow[] {
  const stride = Math.max(1, Math.floor(length / 2));
  const out: ScoringWindow[] = [];
  documents.forEach((doc, d) => {
    const seq = Int32Array.from([bos, ...Array.from(doc)]);
    if (seq.length < 2) return;
    out.push({ doc: d, ids: seq.subarray(0, length), scoreFrom: 0 });
    // The token at seq index t is predicted by row t − start − 1 of the window starting at `start`.
    for (let end = length; end < seq.length; end += stride) {
      const start = Math.min(end + stride, seq.length) - length;
      const s = Math.max(0, start);
      out.push({ doc: d, ids: seq.subarray(s, Math.min(s + length, seq.length)), scoreFrom: end - s - 1 });
    }
  });
  return out;
}
