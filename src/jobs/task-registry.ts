import type { AnyTask } from './task.js';

/** The tasks one process performs, by name. */
export class TaskRegistry {
  private readonly tasks = new Map<string, AnyTask>();

  add(tasks: readonly AnyTask[]): void {
    for (const task of tasks) {
      const known = this.tasks.get(task.name);
      if (known && known !== task) {
        throw new Error(`Two different tasks are named "${task.name}"`);
      }
      this.tasks.set(task.name, task);
    }
  }

  get(name: string): AnyTask | undefined {
    return this.tasks.get(name);
  }

  has(name: string): boolean {
    return this.tasks.has(name);
  }

  names(): string[] {
    return [...this.tasks.keys()];
  }

  all(): AnyTask[] {
    return [...this.tasks.values()];
  }
}
