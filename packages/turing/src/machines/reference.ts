/** What a machine should do on an input: accept or not, and (for functions) the output. */
export interface Expected {
  readonly accepted: boolean;
  /** The output word; absent for deciders, whose tapes are scratch. */
  readonly output?: string;
}

const toBinary = (n: bigint, width: number): string => n.toString(2).padStart(width, '0');
const value = (bits: string): bigint => (bits === '' ? 0n : BigInt(`0b${bits}`));

function split(input: string, op: string): [string, string] {
  const i = input.indexOf(op);
  return [input.slice(0, i), input.slice(i + 1)];
}

/** Direct implementations of the library's functions, the ground truth their tests compare against. */
export const referenceFor = {
  increment: (w: string): Expected => ({ accepted: true, output: toBinary(value(w) + 1n, w.length) }),
  addition: (w: string): Expected => {
    const [a, b] = split(w, '+');
    return { accepted: true, output: toBinary(value(a) + value(b), Math.max(a.length, b.length)) };
  },
  multiplication: (w: string): Expected => {
    const [a, b] = split(w, '*');
    return { accepted: true, output: (value(a) * value(b)).toString(2) };
  },
  parity: (w: string): Expected => ({ accepted: Array.from(w).filter((c) => c === '1').length % 2 === 1 }),
  palindrome: (w: string): Expected => ({ accepted: Array.from(w).reverse().join('') === w }),
  copy: (w: string): Expected => ({ accepted: true, output: `${w}#${w}` }),
  balanced: (w: string): Expected => {
    let depth = 0;
    for (const c of w) {
      depth += c === '(' ? 1 : -1;
      if (depth < 0) return { accepted: false };
    }
    return { accepted: depth === 0 };
  },
} as const;
