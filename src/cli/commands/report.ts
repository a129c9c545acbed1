/** `hearth report`: a department's report (HTML, PDF or CSV) for a period. */
import type { Command } from 'commander';

export function registerReport(_program: Command): void {}
