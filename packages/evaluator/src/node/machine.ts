import { arch, cpus, platform, totalmem } from 'node:os';
import type { MachineInfo } from '../report.js';

/**
 * Describes this machine for a report: CPU, cores, memory, Node and the TensorFlow.js backend.
 *
 * @example const machine = machineInfo(await initBackend());
 */
export function machineInfo(backend: string): MachineInfo {
  const list = cpus();
  return {
    platform: platform(),
    arch: arch(),
    cpuModel: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.versions.node,
    backend,
  };
}
