import { describeExit, type ManagedChild, type SpawnOptions, spawnGroup } from "./start-process";

/** Raised when a child the script depends on stops on its own; carries the end of its output. */
export class ChildExitedError extends Error {
  constructor(readonly child: ManagedChild) {
    const info = child.exitInfo ?? { code: null, signal: null };
    const output = child.tail.length ? `\nIts last output:\n  ${child.tail.join("\n  ")}` : " (no output)";
    super(`${child.name} ${describeExit(info)}.${output}`);
    this.name = "ChildExitedError";
  }
}

const STOP_GRACE_MS = 8_000;

/**
 * Owns every child process the start script launches. Services (emulator, app) are expected to run until
 * we stop them: the first one to exit on its own rejects `failure`. Tasks (next build) may exit.
 */
export class Supervisor {
  private readonly children: ManagedChild[] = [];
  private stopping: Promise<void> | undefined;
  private rejectFailure: (error: ChildExitedError) => void = () => {};
  readonly failure: Promise<never>;

  constructor() {
    this.failure = new Promise<never>((_, reject) => {
      this.rejectFailure = reject;
    });
    // Whoever races against `failure` sees it; nobody has to.
    this.failure.catch(() => {});
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  task(name: string, command: string, args: string[], options: SpawnOptions): ManagedChild {
    const child = spawnGroup(name, command, args, options);
    this.children.push(child);
    return child;
  }

  service(name: string, command: string, args: string[], options: SpawnOptions): ManagedChild {
    const child = this.task(name, command, args, options);
    void child.exited.then(async () => {
      if (this.stopping) return;
      await child.drained();
      this.rejectFailure(new ChildExitedError(child));
    });
    return child;
  }

  /** `promise`, unless a service dies first. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failure]);
  }

  goLive(): void {
    for (const child of this.children) child.goLive();
  }

  /** Stops every child still running, the most recently started first (the app before its emulator). */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      // Exited leaders too: a group can outlive its leader (next start's server process, say).
      for (const child of [...this.children].reverse()) await child.stop(STOP_GRACE_MS);
    })();
    return this.stopping;
  }
}
