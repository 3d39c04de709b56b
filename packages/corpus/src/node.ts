// Node-only entry of @cotlab/corpus: files (shards, JSONL, cards). The main entry stays browser-safe.
export { AtomicFile, writeFileAtomic } from './node/atomic.js';
export { ShardWriter, writeShard, type ShardSummary, type ShardWriterOptions } from './node/shard-writer.js';
export { openShard, readShard, readShardIndex, type OpenShard } from './node/shard-reader.js';
export { jsonlLine, writeDataset, type WriteDatasetOptions, type WriteDatasetResult } from './node/write-dataset.js';
