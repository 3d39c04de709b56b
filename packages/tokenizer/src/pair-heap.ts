/**
 * A binary max-heap of merge candidates keyed by (priority desc, position asc), stored in flat
 * typed arrays so pushing and popping allocate nothing. Used by the BPE encoders.
 */
export class PairHeap {
  #priority: Float64Array;
  #position: Float64Array;
  #payload: Int32Array;
  #length = 0;

  constructor(capacity = 64) {
    this.#priority = new Float64Array(capacity);
    this.#position = new Float64Array(capacity);
    this.#payload = new Int32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  clear(): void {
    this.#length = 0;
  }

  /** `a` outranks `b`: higher priority, or equal priority and smaller position. */
  #above(a: number, b: number): boolean {
    const pa = this.#priority[a]!;
    const pb = this.#priority[b]!;
    return pa > pb || (pa === pb && this.#position[a]! < this.#position[b]!);
  }

  #swap(a: number, b: number): void {
    const p = this.#priority[a]!;
    this.#priority[a] = this.#priority[b]!;
    this.#priority[b] = p;
    const q = this.#position[a]!;
    this.#position[a] = this.#position[b]!;
    this.#position[b] = q;
    const r = this.#payload[a]!;
    this.#payload[a] = this.#payload[b]!;
    this.#payload[b] = r;
  }

  push(priority: number, position: number, payload: number): void {
    if (this.#length === this.#priority.length) {
      const cap = this.#length * 2;
      const p = new Float64Array(cap);
      p.set(this.#priority);
      this.#priority = p;
      const q = new Float64Array(cap);
      q.set(this.#position);
      this.#position = q;
      const r = new Int32Array(cap);
      r.set(this.#payload);
      this.#payload = r;
    }
    let i = this.#length++;
    this.#priority[i] = priority;
    this.#position[i] = position;
    this.#payload[i] = payload;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#above(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Position of the top entry (call only when length > 0). */
  topPosition(): number {
    return this.#position[0]!;
  }

  /** Payload of the top entry. */
  topPayload(): number {
    return this.#payload[0]!;
  }

  /** Priority of the top entry. */
  topPriority(): number {
    return this.#priority[0]!;
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.#length;
    if (last === 0) return;
    this.#priority[0] = this.#priority[last]!;
    this.#position[0] = this.#position[last]!;
    this.#payload[0] = this.#payload[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.#above(l, best)) best = l;
      if (r < last && this.#above(r, best)) best = r;
      if (best === i) break;
      this.#swap(i, best);
      i = best;
    }
  }
}
