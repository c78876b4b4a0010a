/**
 * Progress lines for the slow steps of `npm start` (reading, computing,
 * writing): a step that is still running after a second gets a line saying
 * what it is doing, and the time it took when it ends; a quicker step prints
 * nothing.
 *
 * The computing step is one synchronous call into the add-on bundle, which
 * blocks Node's event loop, so a timer on the main thread would only fire
 * after the step. The timer runs in a small worker thread instead, which
 * writes straight to the file descriptor (`fs.writeSync`; a worker's
 * `process.stderr` would be relayed through the blocked main thread). The two
 * threads agree through one shared integer: the step's number and its phase,
 * changed only by compare-and-swap, so a line is never half-written when the
 * step ends and a late timer of an earlier step prints nothing.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { writeSync } from "node:fs";
import { isatty } from "node:tty";
import { Worker } from "node:worker_threads";

export interface ProgressOptions {
  /** File descriptor to write to (default 2, stderr). */
  fd?: number;
  /** A step prints once it has run this long (default 1000 ms). */
  afterMs?: number;
  /** Rewrite one line in place with the elapsed seconds (default: whether `fd` is a terminal). */
  inPlace?: boolean;
  /** Words of the lines (default English). */
  words?: ProgressWords;
}

export interface ProgressWords {
  /** "done in 2.3 s" */
  doneIn: (seconds: string) => string;
}

export const PROGRESS_WORDS: Record<"en" | "zh", ProgressWords> = {
  en: { doneIn: (s) => `done in ${s} s` },
  zh: { doneIn: (s) => `完成，用时 ${s} 秒` },
};

export interface Progress {
  /** Runs one step (sync or async work); prints its line when it takes longer than `afterMs`. */
  step<T>(label: string, work: () => T | Promise<T>): Promise<T>;
  /** Changes the words of later lines (once the run's language is known). */
  setWords(words: ProgressWords): void;
  /** Stops the timer thread. */
  close(): Promise<void>;
}

// Phases, in the low two bits of the shared integer (the step number above).
const IDLE = 0;
const RUNNING = 1;
const PRINTING = 2;
const PRINTED = 3;

/** The timer thread: on each step message, waits, then claims the step and prints. */
const TICKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const state = new Int32Array(workerData.shared);
const { fd, afterMs, inPlace } = workerData;
const PHASE = 3, RUNNING = 1, PRINTING = 2, PRINTED = 3;
function claim(seq, from) {
  return Atomics.compareExchange(state, 0, (seq << 2) | from, (seq << 2) | PRINTING) === ((seq << 2) | from);
}
function release(seq) {
  Atomics.store(state, 0, (seq << 2) | PRINTED);
  Atomics.notify(state, 0);
}
parentPort.on("message", ({ seq, label, startedAt }) => {
  const first = () => {
    if (!claim(seq, RUNNING)) return;
    const seconds = Math.floor((Date.now() - startedAt) / 1000);
    try { writeSync(fd, inPlace ? "\\r\\x1b[K" + label + " … " + seconds + " s" : label + " …\\n"); } catch {}
    release(seq);
    if (!inPlace) return;
    const tick = setInterval(() => {
      if (!claim(seq, PRINTED)) { clearInterval(tick); return; }
      const s = Math.floor((Date.now() - startedAt) / 1000);
      try { writeSync(fd, "\\r\\x1b[K" + label + " … " + s + " s"); } catch {}
      release(seq);
    }, 1000);
  };
  setTimeout(first, Math.max(0, afterMs - (Date.now() - startedAt)));
});
`;

/**
 * A progress reporter. Close it when done (it also lets the process exit on
 * its own: the timer thread is unref'd).
 *
 * @example
 * const progress = createProgress();
 * const workbook = await progress.step("Reading export.xlsx", () => readXlsx("export.xlsx"));
 * await progress.close();
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const fd = options.fd ?? 2;
  const afterMs = options.afterMs ?? 1000;
  const inPlace = options.inPlace ?? isatty(fd);
  let words = options.words ?? PROGRESS_WORDS.en;
  const shared = new SharedArrayBuffer(4);
  const state = new Int32Array(shared);
  const worker = new Worker(TICKER_SOURCE, { eval: true, workerData: { shared, fd, afterMs, inPlace } });
  worker.unref();
  let seq = 0;

  /** Ends step `n`: true when its line was printed (waits out a line being written). */
  function finish(n: number): boolean {
    for (;;) {
      const running = (n << 2) | RUNNING;
      if (Atomics.compareExchange(state, 0, running, (n << 2) | IDLE) === running) return false;
      const printed = (n << 2) | PRINTED;
      if (Atomics.compareExchange(state, 0, printed, (n << 2) | IDLE) === printed) return true;
      Atomics.wait(state, 0, (n << 2) | PRINTING, 50);
    }
  }

  return {
    async step<T>(label: string, work: () => T | Promise<T>): Promise<T> {
      const n = (seq = (seq + 1) % (1 << 28));
      const startedAt = Date.now();
      Atomics.store(state, 0, (n << 2) | RUNNING);
      worker.postMessage({ seq: n, label, startedAt });
      try {
        return await work();
      } finally {
        if (finish(n)) {
          const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
          const line = inPlace
            ? `\r\x1b[K${label} … ${words.doneIn(seconds)}\n`
            : `${label} … ${words.doneIn(seconds)}\n`;
          try {
            writeSync(fd, line);
          } catch {
            // a closed stderr is no reason to fail the run
          }
        }
      }
    },
    setWords(next: ProgressWords): void {
      words = next;
    },
    async close(): Promise<void> {
      await worker.terminate();
    },
  };
}
