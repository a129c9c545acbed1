import type { Command } from 'commander';

export function registerSource(_program: Command): void {}
