import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellRecord, SweepStore } from '../sweep/run-sweep.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * A sweep store that keeps one JSON file per finished cell in `dir/cells/`, written atomically:
 * rerunning the sweep reads finished cells back instead of running them again.
 *
 * @example await runSweep({ axes, run, store: directorySweepStore('runs/formats') });
 */
export function directorySweepStore(dir: string): SweepStore {
  const file = (id: string) => join(dir, 'cells', `${id}.json`);
  return {
    async get(id) {
      let text: string;
      try {
        text = await readFile(file(id), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const record = JSON.parse(text) as CellRecord;
      return record.id === id ? record : undefined;
    },
    async put(record) {
      await writeFileAtomic(file(record.id), `${JSON.stringify(record, null, 2)}\n`);
    },
  };
}
