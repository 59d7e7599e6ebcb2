// The progress bar of long measurements (eval, bench, tune, ab), on stderr so that stdout stays the result.

/** A progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
export function progress(label: string): (done: number, total: number) => void {
  const start = performance.now();
  let lastDecile = -1;
  return (done, total) => {
    const frac = done / total;
    const eta = done > 0 ? ((performance.now() - start) / done) * (total - done) / 1000 : 0;
    const width = 30;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '-');
    const line = `${label} [${bar}] ${done}/${total} ${(frac * 100).toFixed(0)}% eta ${eta.toFixed(0)}s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (Math.floor(frac * 10) > lastDecile || done === total) {
      lastDecile = Math.floor(frac * 10);
      process.stderr.write(line + '\n');
    }
  };
}
