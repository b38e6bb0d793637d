import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { groupAlive, signalGroup } from "./start-group";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const TAIL_LINES = 60;

/** A child process that leads its own process group, so stopping it also stops whatever it spawned. */
export class ManagedChild {
  readonly tail: string[] = [];
  readonly exited: Promise<ExitInfo>;
  private readonly closed: Promise<void>;
  private live = false;
  private readonly lineListeners = new Set<(line: string) => void>();
  exitInfo: ExitInfo | undefined;

  constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      proc.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
      proc.once("error", (error) => {
        this.tail.push(`failed to start: ${error.message}`);
        this.exitInfo = { code: 127, signal: null };
        resolve(this.exitInfo);
      });
    });
    this.closed = new Promise((resolve) => proc.once("close", () => resolve()));
    for (const [stream, out] of [
      [proc.stdout, process.stdout],
      [proc.stderr, process.stderr],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
        this.tail.push(line);
        if (this.tail.length > TAIL_LINES) this.tail.shift();
        if (this.live) out.write(`[${this.name}] ${line}\n`);
        for (const listener of this.lineListeners) listener(line);
      });
    }
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** From now on, echo the child's output with a `[name]` prefix. */
  goLive(): void {
    this.live = true;
  }

  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  /** Resolves once the output is drained (or shortly after exit, if a grandchild holds the pipes open). */
  async drained(): Promise<void> {
    await Promise.race([this.closed, this.exited.then(() => delay(500))]);
  }

  /** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    const pid = this.proc.pid;
    if (pid === undefined) return;
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await delay(100);
    if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
    await this.exited;
  }
}

export function describeExit(info: ExitInfo): string {
  return info.signal ? `was killed by ${info.signal}` : `exited with code ${info.code}`;
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  /** Echo output from the start (for one-off tasks such as `next build`). */
  live?: boolean;
}

export function spawnGroup(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): ManagedChild {
  const proc = spawn(command, args, {
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const child = new ManagedChild(name, proc);
  if (options.live) child.goLive();
  return child;
}
