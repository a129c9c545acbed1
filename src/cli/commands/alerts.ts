import type { Command } from 'commander';

export function registerAlerts(_program: Command): void {}
