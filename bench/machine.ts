/** What the figures were measured on, said beside them: the same run on another machine gives other numbers. */
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGib: number;
  /** 1, 5 and 15 minutes, at the start of the run. */
  loadAverage: [number, number, number];
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  const [one, five, fifteen] = os.loadavg();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGib: os.totalmem() / 1024 ** 3,
    loadAverage: [one, five, fifteen],
  };
}
