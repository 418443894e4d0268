// The progress line of --all on stderr: items and pages so far and how often the rate limit made us wait.
// Only on a terminal; a pipe or a log file gets nothing, so stderr stays clean for scripts.
export interface ProgressCounters {
  pages: number;
  rateLimitWaits: number;
}

export class Progress {
  private items = 0;
  private lastDraw = 0;

  constructor(
    private readonly counters: ProgressCounters,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    readonly enabled = Boolean(process.stderr.isTTY),
  ) {}

  item(): void {
    this.items++;
    const now = Date.now();
    if (this.enabled && now - this.lastDraw >= 100) {
      this.lastDraw = now;
      this.draw();
    }
  }

  private draw(): void {
    const { pages, rateLimitWaits } = this.counters;
    this.stream.write(`\r\x1b[2K${this.items} items, ${pages} pages, ${rateLimitWaits} rate-limit waits`);
  }

  /** The final count, then a newline so the shell prompt starts on its own line. */
  done(): void {
    if (!this.enabled) return;
    this.draw();
    this.stream.write("\n");
  }
}
