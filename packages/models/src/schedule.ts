/**
 * The learning rate at `step` (0-based): linear warm-up from 0 to `lr` over `warmupSteps`, then
 * linear decay to `lr · minRatio` at `steps`.
 *
 * @example learningRate(0, { lr: 1e-3, warmupSteps: 10, steps: 100 }); // 1e-4
 */
export function learningRate(step: number, { lr, warmupSteps, steps, minRatio = 0 }: { lr: number; warmupSteps: number; steps: number; minRatio?: number }): number {
  if (step < warmupSteps) return (lr * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, steps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps);
  return lr * (1 - (1 - minRatio) * progress);
}
