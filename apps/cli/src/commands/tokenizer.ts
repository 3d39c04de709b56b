import type { CommandGroup } from '../command.js';
import { tokenizerDecodeCommand } from './tokenizer-decode.js';
import { tokenizerEncodeCommand } from './tokenizer-encode.js';
import { tokenizerInfoCommand } from './tokenizer-info.js';
import { tokenizerTrainCommand } from './tokenizer-train.js';

export const tokenizerCommand: CommandGroup = {
  name: 'tokenizer',
  summary: 'tokenizers: train a byte-level BPE, encode text to ids, decode ids to text, describe a vocabulary',
  commands: [tokenizerTrainCommand, tokenizerEncodeCommand, tokenizerDecodeCommand, tokenizerInfoCommand],
};
