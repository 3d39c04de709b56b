import { MalformedTokenizerFileError } from './errors.js';
import { SentencePieceBpeTokenizer, type PieceType, type SentencePiece } from './sentencepiece-bpe.js';

/** SentencePiece `ModelProto` field numbers (sentencepiece_model.proto). */
const MODEL_PIECES = 1;
const MODEL_TRAINER_SPEC = 2;
const MODEL_NORMALIZER_SPEC = 3;
const PIECE_PIECE = 1;
const PIECE_SCORE = 2;
const PIECE_TYPE = 3;
const TRAINER_MODEL_TYPE = 3;
const TRAINER_MODEL_TYPE_BPE = 2;
const NORMALIZER_NAME = 1;
const NORMALIZER_ADD_DUMMY_PREFIX = 3;
const NORMALIZER_REMOVE_EXTRA_WHITESPACES = 4;
const NORMALIZER_ESCAPE_WHITESPACES = 5;

/** `SentencePiece.Type` enum values → names (NORMAL = 1 is the default). */
const PIECE_TYPES: Readonly<Record<number, PieceType>> = { 1: 'normal', 2: 'unknown', 3: 'control', 4: 'user-defined', 5: 'unused', 6: 'byte' };

interface Field {
  field: number;
  wire: number;
  /** Varint value (wire 0). */
  int: number;
  /** Bytes (wire 2), or the 4/8 raw bytes (wire 5/1). */
  bytes: Uint8Array;
}

/** Reads the fields of one protobuf message; `where` names it in errors. */
function* fields(buf: Uint8Array, file: string, where: string): Generator<Field> {
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (at >= buf.length) throw new MalformedTokenizerFileError(file, `${where}: a varint runs past the end at byte ${at}`);
      const b = buf[at++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new MalformedTokenizerFileError(file, `${where}: a varint is longer than 10 bytes`);
  };
  const take = (n: number): Uint8Array => {
    if (at + n > buf.length) throw new MalformedTokenizerFileError(file, `${where}: a field of ${n} bytes runs past the end at byte ${at}`);
    const out = buf.subarray(at, at + n);
    at += n;
    return out;
  };
  while (at < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) yield { field, wire, int: varint(), bytes: new Uint8Array(0) };
    else if (wire === 2) yield { field, wire, int: 0, bytes: take(varint()) };
    else if (wire === 5) yield { field, wire, int: 0, bytes: take(4) };
    else if (wire === 1) yield { field, wire, int: 0, bytes: take(8) };
    else throw new MalformedTokenizerFileError(file, `${where}: unsupported protobuf wire type ${wire} (field ${field})`);
  }
}

function float32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true);
}

/**
 * Reads a SentencePiece `.model` file (the `ModelProto` protobuf the reference library writes):
 * pieces with scores and types, and the normaliser settings. Only BPE models with the identity
 * normaliser (what llama2.c trains) are supported; others are rejected naming what they use.
 *
 * @example
 * const tok = sentencePieceFromModelProto(new Uint8Array(readFileSync('tok512.model')), 'tok512.model');
 * tok.encode('Once upon a time'); // [403, 407, 261, 378]
 */
export function sentencePieceFromModelProto(bytes: Uint8Array, file = '<tokenizer.model>'): SentencePieceBpeTokenizer {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces: SentencePiece[] = [];
  let modelType = 1; // UNIGRAM is the proto default
  let normalizerName = 'nmt_nfkc';
  let addDummyPrefix = true;
  let removeExtraWhitespaces = true;
  let escapeWhitespaces = true;
  for (const f of fields(bytes, file, 'ModelProto')) {
    if (f.field === MODEL_PIECES && f.wire === 2) {
      const id = pieces.length;
      const p: SentencePiece = { piece: '', score: 0, type: 'normal' };
      for (const g of fields(f.bytes, file, `piece ${id}`)) {
        if (g.field === PIECE_PIECE && g.wire === 2) {
          try {
            p.piece = decoder.decode(g.bytes);
          } catch (cause) {
            throw new MalformedTokenizerFileError(file, `piece ${id} is not valid UTF-8`, { cause });
          }
        } else if (g.field === PIECE_SCORE && g.wire === 5) p.score = float32(g.bytes);
        else if (g.field === PIECE_TYPE && g.wire === 0) {
          const type = PIECE_TYPES[g.int];
          if (type === undefined) throw new MalformedTokenizerFileError(file, `piece ${id} has unknown type ${g.int}`);
          p.type = type;
        }
      }
      pieces.push(p);
    } else if (f.field === MODEL_TRAINER_SPEC && f.wire === 2) {
      for (const g of fields(f.bytes, file, 'trainer_spec')) if (g.field === TRAINER_MODEL_TYPE && g.wire === 0) modelType = g.int;
    } else if (f.field === MODEL_NORMALIZER_SPEC && f.wire === 2) {
      for (const g of fields(f.bytes, file, 'normalizer_spec')) {
        if (g.field === NORMALIZER_NAME && g.wire === 2) normalizerName = decoder.decode(g.bytes);
        else if (g.field === NORMALIZER_ADD_DUMMY_PREFIX && g.wire === 0) addDummyPrefix = g.int !== 0;
        else if (g.field === NORMALIZER_REMOVE_EXTRA_WHITESPACES && g.wire === 0) removeExtraWhitespaces = g.int !== 0;
        else if (g.field === NORMALIZER_ESCAPE_WHITESPACES && g.wire === 0) escapeWhitespaces = g.int !== 0;
      }
    }
  }
  if (pieces.length === 0) throw new MalformedTokenizerFileError(file, 'it holds no pieces (is it a SentencePiece .model file?)');
  if (modelType !== TRAINER_MODEL_TYPE_BPE) throw new MalformedTokenizerFileError(file, `only BPE models are supported, this one has model_type ${modelType} (1 = unigram)`);
  if (normalizerName !== 'identity') throw new MalformedTokenizerFileError(file, `only the identity normaliser is supported, this model uses '${normalizerName}'`);
  if (!escapeWhitespaces) throw new MalformedTokenizerFileError(file, 'models with escape_whitespaces = false are not supported');
  return new SentencePieceBpeTokenizer(pieces, { addDummyPrefix, removeExtraWhitespaces });
}
