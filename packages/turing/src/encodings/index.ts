import { ArgumentError } from '../errors.js';
import type { CotEncoding, EncodingName } from './encoding.js';
import { incrementalWindows } from './incremental.js';
import { configurationSnapshots } from './snapshots.js';
import { transitionLog } from './transitions.js';

/** Every CoT encoding, by name. */
export const ENCODINGS: Readonly<Record<EncodingName, CotEncoding>> = {
  transitions: transitionLog,
  snapshots: configurationSnapshots,
  incremental: incrementalWindows,
};

/** The encoding names. */
export const ENCODING_NAMES = Object.keys(ENCODINGS) as EncodingName[];

/**
 * An encoding by name; an unknown name throws an ArgumentError listing the names.
 *
 * @example
 * const tokens = [...getEncoding('snapshots').encode(spec, '0110')];
 */
export function getEncoding(name: string): CotEncoding {
  if (!(ENCODING_NAMES as string[]).includes(name)) throw new ArgumentError('encoding', `one of ${ENCODING_NAMES.join(', ')}`, name);
  return ENCODINGS[name as EncodingName];
}
