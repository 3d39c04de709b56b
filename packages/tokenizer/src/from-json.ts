import { ByteLevelBpeTokenizer } from './byte-level-bpe.js';
import { CharTokenizer } from './char.js';
import { MalformedTokenizerFileError, TokenizerError } from './errors.js';
import { SENTENCEPIECE_JSON_TYPE, SentencePieceBpeTokenizer, type PieceType, type SentencePiece } from './sentencepiece-bpe.js';
import { guessSpecialSymbols } from './special-tokens.js';
import type { SpecialSymbols, Tokenizer } from './tokenizer.js';
import { WordLevelTokenizer } from './word-level.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turns `{ symbol: id }` into a dense symbol list, or says what is wrong. */
function denseVocab(vocab: unknown, source: string): string[] {
  if (!isObject(vocab)) throw new MalformedTokenizerFileError(source, 'model.vocab must be an object mapping tokens to ids');
  const list: string[] = [];
  for (const [symbol, id] of Object.entries(vocab)) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
      throw new MalformedTokenizerFileError(source, `model.vocab[${JSON.stringify(symbol)}] must be a non-negative integer id, got ${JSON.stringify(id)}`);
    }
    if (list[id] !== undefined) throw new MalformedTokenizerFileError(source, `id ${id} is given to both ${JSON.stringify(list[id])} and ${JSON.stringify(symbol)}`);
    list[id] = symbol;
  }
  for (let i = 0; i < list.length; i++) {
    if (list[i] === undefined) throw new MalformedTokenizerFileError(source, `model.vocab has no token with id ${i} (ids must be 0…${list.length - 1} without gaps)`);
  }
  return list;
}

/** Merges as `"a b"` strings (tokenizers < 0.20) or `["a", "b"]` pairs (newer). */
function readMerges(merges: unknown, source: string): [string, string][] {
  if (!Array.isArray(merges)) throw new MalformedTokenizerFileError(source, 'model.merges must be an array');
  return merges.map((m: unknown, i): [string, string] => {
    if (typeof m === 'string') {
      const at = m.indexOf(' ');
      if (at > 0 && m.indexOf(' ', at + 1) < 0) return [m.slice(0, at), m.slice(at + 1)];
    } else if (Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && typeof m[1] === 'string') return [m[0], m[1]];
    throw new MalformedTokenizerFileError(source, `model.merges[${i}] must be "a b" or ["a", "b"], got ${JSON.stringify(m)}`);
  });
}

function addedSpecials(json: Json, source: string): string[] {
  const added = json['added_tokens'] ?? [];
  if (!Array.isArray(added)) throw new MalformedTokenizerFileError(source, 'added_tokens must be an array');
  return added.map((t: unknown, i) => {
    if (!isObject(t) || typeof t['content'] !== 'string') throw new MalformedTokenizerFileError(source, `added_tokens[${i}] must have a string content`);
    return t['content'];
  });
}

function typeOf(v: unknown): string | undefined {
  return isObject(v) && typeof v['type'] === 'string' ? v['type'] : undefined;
}

const PIECE_TYPES: readonly PieceType[] = ['normal', 'unknown', 'control', 'user-defined', 'unused', 'byte'];

/**
 * Reads a tokenizer from its JSON: a Hugging Face `tokenizer.json` with a WordLevel model
 * (whitespace split), a BPE model with the ByteLevel pre-tokenizer (GPT-2 style), or a BPE model
 * with no merges and the Fuse decoder (what CharTokenizer writes); or cotlab's SentencePiece JSON.
 * Special-token roles, which `tokenizer.json` does not record, are taken from `roles` or guessed
 * from conventional names (`[BOS]`, `<s>`, `<|endoftext|>`, `[UNK]`, …).
 *
 * @example
 * const tok = tokenizerFromJSON(JSON.parse(readFileSync('tokenizer.json', 'utf8')), 'tokenizer.json');
 */
export function tokenizerFromJSON(json: unknown, source = '<tokenizer.json>', roles?: SpecialSymbols): Tokenizer {
  if (!isObject(json)) throw new MalformedTokenizerFileError(source, `expected a JSON object, got ${Array.isArray(json) ? 'an array' : typeof json}`);
  try {
    if (json['type'] === SENTENCEPIECE_JSON_TYPE) return sentencePieceFromJSON(json, source);
    const model = json['model'];
    const kind = typeOf(model);
    if (!isObject(model) || kind === undefined) throw new MalformedTokenizerFileError(source, 'it has no model.type (is it a Hugging Face tokenizer.json?)');
    const specials = addedSpecials(json, source);
    if (kind === 'WordLevel') {
      const pre = typeOf(json['pre_tokenizer']);
      if (pre !== undefined && pre !== 'WhitespaceSplit' && pre !== 'Whitespace') {
        throw new MalformedTokenizerFileError(source, `a WordLevel model needs a WhitespaceSplit pre-tokenizer here, got ${pre}`);
      }
      const vocab = denseVocab(model['vocab'], source);
      const has = new Set(vocab);
      const guessed = roles ?? guessSpecialSymbols((s) => has.has(s) && (specials.includes(s) || s === model['unk_token']));
      return WordLevelTokenizer.fromSymbols(vocab, guessed);
    }
    if (kind === 'BPE') {
      const vocab = denseVocab(model['vocab'], source);
      const merges = readMerges(model['merges'], source);
      const pre = typeOf(json['pre_tokenizer']);
      const has = new Set(specials);
      const guessed = roles ?? guessSpecialSymbols((s) => has.has(s));
      if (pre === 'ByteLevel') {
        return new ByteLevelBpeTokenizer({ vocab, merges, specialTokens: specials.filter((s) => vocab.includes(s)), roles: guessed });
      }
      if (merges.length === 0 && typeOf(json['decoder']) === 'Fuse') return CharTokenizer.fromSymbols(vocab, guessed);
      throw new MalformedTokenizerFileError(source, `only byte-level BPE (pre_tokenizer ByteLevel) or character vocabularies are supported, got pre_tokenizer ${pre ?? 'null'}`);
    }
    throw new MalformedTokenizerFileError(source, `model.type ${JSON.stringify(kind)} is not supported (WordLevel and BPE are)`);
  } catch (error) {
    if (error instanceof MalformedTokenizerFileError || !(error instanceof TokenizerError)) throw error;
    throw new MalformedTokenizerFileError(source, error.message.replace(/^tokenizer: /, ''), { cause: error });
  }
}

function sentencePieceFromJSON(json: Json, source: string): SentencePieceBpeTokenizer {
  const pieces = json['pieces'];
  const norm = json['normalizer'];
  if (!Array.isArray(pieces)) throw new MalformedTokenizerFileError(source, 'pieces must be an array');
  if (!isObject(norm) || typeof norm['addDummyPrefix'] !== 'boolean' || typeof norm['removeExtraWhitespaces'] !== 'boolean') {
    throw new MalformedTokenizerFileError(source, 'normalizer must have boolean addDummyPrefix and removeExtraWhitespaces');
  }
  const list = pieces.map((p: unknown, i): SentencePiece => {
    if (!isObject(p) || typeof p['piece'] !== 'string' || typeof p['score'] !== 'number' || !PIECE_TYPES.includes(p['type'] as PieceType)) {
      throw new MalformedTokenizerFileError(source, `pieces[${i}] must be { piece: string, score: number, type: ${PIECE_TYPES.join('|')} }`);
    }
    return { piece: p['piece'], score: p['score'], type: p['type'] as PieceType };
  });
  return new SentencePieceBpeTokenizer(list, { addDummyPrefix: norm['addDummyPrefix'], removeExtraWhitespaces: norm['removeExtraWhitespaces'] });
}
