import { SingleBar, Presets } from 'cli-progress';

/** Progress of a long command: a bar on a terminal, plain lines (every `every` items) otherwise. */
export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function createProgress(
  total: number,
  what: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: `${what} [{bar}] {value}/{total} {label}`, stream, hideCursor: true, clearOnComplete: false },
      Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return { tick: (label) => bar.increment(1, { label }), stop: () => bar.stop() };
  }
  let done = 0;
  const every = Math.max(1, Math.round(total / 20));
  return {
    tick(label) {
      done++;
      if (done % every === 0 || done === total) stream.write(`${what}: ${done}/${total} (${label})\n`);
    },
    stop() {},
  };
}
