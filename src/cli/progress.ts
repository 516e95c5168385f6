/** A one-line progress bar on stderr when it is a terminal (count, rate, estimate); silent otherwise. */
export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
  const start = Date.now();
  let done = 0;
  let companies = 0;
  let rejected = 0;
  let last = 0;
  let stopped = false;
  const render = (final = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!final && now - last < 100) return;
    last = now;
    const secs = Math.max(0.001, (now - start) / 1000);
    const rate = done / secs;
    const eta = rate > 0 && done < total ? Math.ceil((total - done) / rate) : 0;
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 70));
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const etaText = eta ? ` ETA ${eta >= 60 ? `${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s` : `${eta}s`}` : '';
    stream.write(`\r\x1b[2K${label} ${bar} ${done}/${total} · ${companies} ✓ ${rejected} ✗ · ${rate.toFixed(rate < 10 ? 1 : 0)}/s${etaText}${final ? '\n' : ''}`);
  };
  return {
    update(d: { total?: number; inputs?: number; companies?: number; rejected?: number }) {
      if (d.total !== undefined) total = d.total;
      done += d.inputs ?? 0;
      companies += d.companies ?? 0;
      rejected += d.rejected ?? 0;
      render();
    },
    stop() {
      if (tty && total > 0 && !stopped) render(true);
      stopped = true;
    },
  };
}
