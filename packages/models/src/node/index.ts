// Node-only parts of @cotlab/models: files (checkpoints, PyTorch state dicts) and worker threads.
export {
  saveCheckpoint,
  loadCheckpoint,
  readManifest,
  loadTorchLinearModel,
  loadAnyModel,
  CHECKPOINT_FILES,
  CHECKPOINT_FORMAT,
  type CheckpointManifest,
  type CheckpointExtra,
  type LoadedCheckpoint,
  type TrainingState,
} from './checkpoint.js';
export { writeFileAtomic } from './atomic-write.js';
