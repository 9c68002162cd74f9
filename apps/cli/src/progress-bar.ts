import type { WriteStream } from 'node:tty';

/** A one-line bar on a TTY stream, cleared before other output is written. */
export class ProgressBar {
  readonly #stream: WriteStream;
  readonly #total: number;
  #shown = false;
  #percent = -1;

  constructor(stream: WriteStream, total: number) {
    this.#stream = stream;
    this.#total = total;
  }

  /** Redraws only when the percentage moves, so calling it every epoch stays cheap. */
  update(done: number, label: string): void {
    const percent = Math.floor((100 * done) / this.#total);
    if (this.#shown && percent === this.#percent) return;
    this.#percent = percent;
    const width = Math.max(10, Math.min(40, (this.#stream.columns || 80) - label.length - 12));
    const filled = Math.round((width * done) / this.#total);
    this.#stream.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${label}`,
    );
    this.#shown = true;
  }

  clear(): void {
    if (!this.#shown) return;
    this.#stream.write('\r\x1b[2K');
    this.#shown = false;
  }
}
