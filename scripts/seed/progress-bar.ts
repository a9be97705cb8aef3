export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
}

/** Draws a one-line progress bar on stderr (redrawn in place on a terminal). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (progress: SeedProgress) => void {
  let lastLine = '';
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    const width = 30;
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * width);
    const line = `${phase.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (line === lastLine) return;
    lastLine = line;
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    // Logs get a line per tenth, not a redraw per batch.
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth || done >= total) stream.write(`${line}\n`);
    lastTenth = tenth;
  };
}
