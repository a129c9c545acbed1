import type { Command } from 'commander';

export function registerTrends(_program: Command): void {}
