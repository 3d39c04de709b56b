import { version as corpus } from '@cotlab/corpus';
import { version as evaluator } from '@cotlab/evaluator';
import { version as models } from '@cotlab/models';
import { version as tokenizer } from '@cotlab/tokenizer';
import { version as turing } from '@cotlab/turing';
import { version as cli } from './version.js';

/** Versions of the CLI, every cotlab package it composes, and the running Node.js. */
export function versionReport(): Record<string, string> {
  return {
    cotlab: cli,
    '@cotlab/tokenizer': tokenizer,
    '@cotlab/turing': turing,
    '@cotlab/corpus': corpus,
    '@cotlab/models': models,
    '@cotlab/evaluator': evaluator,
    node: process.versions.node,
  };
}
