import type { Command } from 'commander';

export function registerCompetitors(_program: Command): void {}
