import { MalformedTokenizerFileError, TokenizerArgumentError, UnknownIdError, UnknownSymbolError, show } from './errors.js';
import { PairHeap } from './pair-heap.js';
import type { EncodeOptions, SpecialTokens, Tokenizer } from './tokenizer.js';

/** SentencePiece's piece types (sentencepiece_model.proto, `SentencePiece.Type`). */
export type PieceType = 'normal' | 'unknown' | 'control' | 'user-defined' | 'unused' | 'byte';

export interface SentencePiece {
  piece: string;
  score: number;
  type: PieceType;
}

/** How text is normalised before encoding (SentencePiece's `NormalizerSpec`, identity rule). */
export interface SentencePieceNormalizer {
  /** Prepend `▁` to non-empty input (SentencePiece default: true). */
  addDummyPrefix: boolean;
  /** Drop leading and trailing spaces and collapse runs of spaces (SentencePiece default: true). */
  removeExtraWhitespaces: boolean;
}

/** The whitespace symbol SentencePiece writes for a space (U+2581). */
export const SPACE_SYMBOL = '\u2581';

/** What SentencePiece prints for the unknown token (llama2.c trains with `unk_surface=" ⁇ "`). */
export const UNK_SURFACE = ' \u2047 ';

/**
 * llama2.c trains its vocabularies with SentencePiece defaults for these (tinystories.py
 * `train_vocab`: identity normalisation, byte fallback), so a `tokenizer.bin` — which records only
 * pieces and scores — is read with them.
 */
export const LLAMA2C_NORMALIZER: SentencePieceNormalizer = Object.freeze({ addDummyPrefix: true, removeExtraWhitespaces: true });

const BYTE_PIECE = /^<0x([0-9A-F]{2})>$/;
const WORDWISE_PIECE = /^\u2581*[^\u2581]*$/u;
/** Words whose encodings are remembered before the cache starts over. */
const WORD_CACHE_LIMIT = 100_000;
const utf8 = new TextEncoder();

/**
 * SentencePiece BPE (the model type of Llama and llama2.c vocabularies): text is normalised
 * (spaces become `▁`, with a dummy-prefix space), then the adjacent pair whose merged piece has the
 * highest score is merged until none is in the vocabulary; a character with no piece falls back
 * to its UTF-8 bytes (`<0x..>` pieces). Encodes exactly as the reference SentencePiece library.
 *
 * @example
 * const tok = SentencePieceBpeTokenizer.fromLlama2cBin(bytes); // llama2.c tokenizer.bin
 * tok.encode('Once upon a time'); // [403, 407, 261, 378]
 * tok.decode([403, 407]);          // 'Once upon'
 */
export class SentencePieceBpeTokenizer implements Tokenizer {
  readonly kind = 'sentencepiece-bpe';
  readonly size: number;
  readonly specialTokens: SpecialTokens;
  readonly normalizer: SentencePieceNormalizer;
  readonly #pieces: readonly SentencePiece[];
  /** Every piece → id (for idOf). */
  readonly #ids: ReadonlyMap<string, number>;
  /** Pieces that text can produce (normal and user-defined) → id. */
  readonly #mergeable: ReadonlyMap<string, number>;
  readonly #userDefined: readonly string[];
  /** byte value → id of its `<0x..>` piece, or -1. */
  readonly #byteIds: Int32Array;
  readonly #byteFallback: boolean;
  readonly #heap = new PairHeap();
  /**
   * True when every piece is `▁*` followed by non-`▁` characters: then no merge can span a `▁`
   * that follows another character, so words encode independently and are cached.
   */
  readonly #wordwise: boolean;
  #cache = new Map<string, readonly number[]>();

  constructor(pieces: readonly SentencePiece[], normalizer: SentencePieceNormalizer = LLAMA2C_NORMALIZER) {
    const ids = new Map<string, number>();
    const mergeable = new Map<string, number>();
    const userDefined: string[] = [];
    const byteIds = new Int32Array(256).fill(-1);
    const specials: SpecialTokens = {};
    pieces.forEach(({ piece, score, type }, id) => {
      if (typeof piece !== 'string' || !Number.isFinite(score)) {
        throw new TokenizerArgumentError(`pieces[${id}]`, 'a piece string with a finite score', `${show(piece)} with score ${score}`);
      }
      if (!ids.has(piece)) ids.set(piece, id);
      if (type === 'normal' || type === 'user-defined') mergeable.set(piece, id);
      if (type === 'user-defined') userDefined.push(piece);
      if (type === 'unknown') specials.unk ??= id;
      if (type === 'byte') {
        const m = BYTE_PIECE.exec(piece);
        if (m === null) throw new TokenizerArgumentError(`pieces[${id}]`, 'a byte piece written <0xHH>', show(piece));
        byteIds[parseInt(m[1]!, 16)] = id;
      }
      if (type === 'control' && piece === '<s>') specials.bos = id;
      if (type === 'control' && piece === '</s>') specials.eos = id;
      if (type === 'control' && piece === '<pad>') specials.pad = id;
    });
    this.#pieces = Object.freeze(pieces.map((p) => Object.freeze({ ...p })));
    this.#ids = ids;
    this.#mergeable = mergeable;
    this.#userDefined = userDefined.sort((a, b) => b.length - a.length);
    this.#byteIds = byteIds;
    this.#byteFallback = byteIds.every((id) => id >= 0);
    this.size = pieces.length;
    this.specialTokens = Object.freeze(specials);
    this.normalizer = Object.freeze({ ...normalizer });
    this.#wordwise = pieces.every(({ piece }) => WORDWISE_PIECE.test(piece));
  }

  /**
   * Reads llama2.c's `tokenizer.bin`: an int32 max piece length, then per piece a float32 score,
   * an int32 byte length and the UTF-8 bytes (little-endian). llama2.c writes `▁` as a space and
   * `<s>` / `</s>` as `\n<s>\n` / `\n</s>\n`; this undoes both. Piece types follow llama2.c's
   * layout: id 0 unknown, ids 1–2 control, `<0xHH>` pieces bytes, the rest normal.
   *
   * @example
   * const tok = SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(readFileSync('tok512.bin')), 'tok512.bin');
   */
  static fromLlama2cBin(bytes: Uint8Array, file = '<tokenizer.bin>'): SentencePieceBpeTokenizer {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    if (bytes.byteLength < 4) throw new MalformedTokenizerFileError(file, `it has ${bytes.byteLength} bytes, fewer than the 4-byte header`);
    const maxLength = view.getInt32(0, true);
    if (maxLength <= 0 || maxLength > 1 << 16) throw new MalformedTokenizerFileError(file, `its header (max piece length) is ${maxLength}, expected 1–65536`);
    const pieces: SentencePiece[] = [];
    let offset = 4;
    while (offset < bytes.byteLength) {
      const id = pieces.length;
      if (offset + 8 > bytes.byteLength) throw new MalformedTokenizerFileError(file, `piece ${id} at byte ${offset} is cut short (needs 8 header bytes)`);
      const score = view.getFloat32(offset, true);
      const length = view.getInt32(offset + 4, true);
      offset += 8;
      if (length < 0 || offset + length > bytes.byteLength) {
        throw new MalformedTokenizerFileError(file, `piece ${id} claims ${length} bytes but ${bytes.byteLength - offset} remain`);
      }
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(offset, offset + length));
      } catch (cause) {
        throw new MalformedTokenizerFileError(file, `piece ${id} is not valid UTF-8`, { cause });
      }
      offset += length;
      const trimmed = text.trim();
      const piece = trimmed === '<s>' || trimmed === '</s>' ? trimmed : text.replaceAll(' ', SPACE_SYMBOL);
      const type: PieceType = id === 0 ? 'unknown' : piece === '<s>' || piece === '</s>' ? 'control' : BYTE_PIECE.test(piece) ? 'byte' : 'normal';
      pieces.push({ piece, score, type });
    }
    if (pieces.length === 0) throw new MalformedTokenizerFileError(file, 'it holds no pieces');
    return new SentencePieceBpeTokenizer(pieces, LLAMA2C_NORMALIZER);
  }

  /** Forgets the remembered encodings of words. */
  clearCache(): void {
    this.#cache = new Map();
  }

  /** The pieces in id order. */
  get pieces(): readonly SentencePiece[] {
    return this.#pieces;
  }

  /** Applies the normaliser: what the merges run on (`▁` for spaces). */
  normalize(text: string): string {
    let t = text;
    if (this.normalizer.removeExtraWhitespaces) t = t.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
    if (t.length === 0) return '';
    t = t.replaceAll(' ', SPACE_SYMBOL);
    return this.normalizer.addDummyPrefix ? SPACE_SYMBOL + t : t;
  }

  /**
   * Encodes as SentencePiece does (no BOS/EOS added). Nothing is unknown with byte fallback;
   * without it, a character that has no piece is an UnknownSymbolError (naming its offset in
   * `text`) unless `allowUnknown`.
   */
  encode(text: string, options: EncodeOptions = {}): number[] {
    if (typeof text !== 'string') throw new TokenizerArgumentError('text', 'a string', show(text));
    const s = this.normalize(text);
    if (s.length === 0) return [];
    if (!this.#wordwise) return this.#encodeSegment(s, 0, text, options);
    const out: number[] = [];
    const cache = this.#cache;
    let from = 0;
    for (let k = 1; k <= s.length; k++) {
      if (k < s.length && !(s.charCodeAt(k) === 0x2581 && s.charCodeAt(k - 1) !== 0x2581)) continue;
      const word = s.slice(from, k);
      let ids = cache.get(word);
      if (ids === undefined) {
        ids = this.#encodeSegment(word, from, text, options);
        // Without byte fallback an allowed unknown is not cached: a later strict call must throw.
        if (this.#byteFallback || options.allowUnknown !== true) {
          if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
          cache.set(word, ids);
        }
      }
      for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
      from = k;
    }
    return out;
  }

  /** Merges one stretch `s` of normalised text (starting at `base` in the whole) into ids. */
  #encodeSegment(s: string, base: number, text: string, options: EncodeOptions): number[] {
    // Initial symbols: user-defined pieces (longest first), else one code point each.
    const starts: number[] = [];
    for (let i = 0; i < s.length; ) {
      starts.push(i);
      const user = this.#userDefined.length === 0 ? undefined : this.#userDefined.find((p) => s.startsWith(p, i));
      if (user !== undefined) i += user.length;
      else i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    const n = starts.length;
    const start = Int32Array.from(starts);
    const end = new Int32Array(n);
    for (let k = 0; k < n; k++) end[k] = k + 1 < n ? start[k + 1]! : s.length;
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      next[k] = k + 1 < n ? k + 1 : -1;
      prev[k] = k - 1;
    }
    const heap = this.#heap;
    heap.clear();
    const consider = (left: number): void => {
      if (left < 0) return;
      const right = next[left]!;
      if (right < 0) return;
      const id = this.#mergeable.get(s.slice(start[left], end[right]));
      if (id !== undefined) heap.push(this.#pieces[id]!.score, left, id);
    };
    for (let k = 0; k + 1 < n; k++) consider(k);
    while (heap.length > 0) {
      const left = heap.topPosition();
      const id = heap.topPayload();
      heap.pop();
      const right = next[left]!;
      // Stale when `left` was absorbed, or its neighbour changed since the pair was pushed.
      if (end[left]! <= start[left]! || right < 0) continue;
      const piece = this.#pieces[id]!.piece;
      if (end[right]! - start[left]! !== piece.length || !s.startsWith(piece, start[left])) continue;
      end[left] = end[right]!;
      end[right] = start[right]!; // dead
      const after = next[right]!;
      next[left] = after;
      if (after >= 0) prev[after] = left;
      consider(prev[left]!);
      consider(left);
    }
    const out: number[] = [];
    for (let k = 0; k >= 0; k = next[k]!) {
      const sym = s.slice(start[k], end[k]);
      const id = this.#mergeable.get(sym);
      if (id !== undefined) out.push(id);
      else if (this.#byteFallback) for (const b of utf8.encode(sym)) out.push(this.#byteIds[b]!);
      else if (options.allowUnknown === true && this.specialTokens.unk !== undefined) out.push(this.specialTokens.unk);
      else throw new UnknownSymbolError(sym, this.#textOffset(text, base + start[k]!), this.kind);
    }
    return out;
  }

  /** Maps an offset in the normalised text back to (approximately) one in the original text. */
  #textOffset(text: string, normalizedOffset: number): number {
    const shift = this.normalizer.addDummyPrefix ? 1 : 0;
    return Math.min(text.length, Math.max(0, normalizedOffset - shift));
  }

  /**
   * Decodes as SentencePiece does: `▁` becomes a space, byte pieces are joined and read as UTF-8,
   * control tokens vanish, the unknown token reads ` ⁇ `, and the dummy-prefix space is dropped.
   */
  decode(ids: ArrayLike<number>): string {
    const parts: string[] = [];
    const bytes: number[] = [];
    const flush = (): void => {
      if (bytes.length === 0) return;
      parts.push(new TextDecoder().decode(Uint8Array.from(bytes)));
      bytes.length = 0;
    };
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const p = Number.isInteger(id) ? this.#pieces[id] : undefined;
      if (p === undefined) throw new UnknownIdError(id, i, this.size);
      if (p.type === 'byte') {
        bytes.push(parseInt(p.piece.slice(3, 5), 16));
        continue;
      }
      flush();
      if (p.type === 'control') continue;
      parts.push(p.type === 'unknown' ? UNK_SURFACE : p.piece.replaceAll(SPACE_SYMBOL, ' '));
    }
    flush();
    const text = parts.join('');
    return this.normalizer.addDummyPrefix && text.startsWith(' ') ? text.slice(1) : text;
  }

  idOf(symbol: string): number {
    const id = this.#ids.get(symbol);
    if (id === undefined) throw new UnknownSymbolError(symbol, -1, this.kind);
    return id;
  }

  symbolOf(id: number): string {
    const p = Number.isInteger(id) ? this.#pieces[id] : undefined;
    if (p === undefined) throw new UnknownIdError(id, -1, this.size);
    return p.piece;
  }

  /**
   * cotlab's own JSON (`{ type: 'cotlab/sentencepiece-bpe', … }`): Hugging Face's `tokenizer.json`
   * cannot express SentencePiece's score-ordered merges with whitespace collapsing exactly.
   */
  toJSON(): unknown {
    return { type: SENTENCEPIECE_JSON_TYPE, version: 1, normalizer: this.normalizer, pieces: this.#pieces };
  }
}

/** The `type` field of SentencePieceBpeTokenizer's JSON. */
export const SENTENCEPIECE_JSON_TYPE = 'cotlab/sentencepiece-bpe';
