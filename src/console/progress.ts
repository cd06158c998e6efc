import type { Writable } from 'node:stream';
import type { EmbedProgress } from '../embeddings/embedder.js';

/** Below this many passages to send, embedding is quick and no progress line is shown. */
export const PROGRESS_FROM = 1000;

export interface ProgressLine {
  /** Shows how far the embedding is; pass it to attach as onProgress. */
  readonly update: (progress: EmbedProgress) => void;
  /** Clears the line (the embedding is done, or stopped because the service failed). */
  readonly end: () => void;
}

/**
 * A progress line on a terminal while a build embeds many passages ("Passagen-Vektoren:
 * 12.345 von 37.000 (33 %)"), rewritten in place at each whole percent and cleared at the
 * end, so that the greeting, the prompt or an answer follows on a clean line.
 */
export function embeddingProgress(output: Writable, from = PROGRESS_FROM): ProgressLine {
  let shown = -1;
  const number = new Intl.NumberFormat('de-DE');
  const end = (): void => {
    if (shown >= 0) output.write('\r\x1b[K');
    shown = -1;
  };
  return {
    update: ({ done, total }) => {
      if (total < from) return;
      if (done >= total) return end();
      const percent = Math.floor((done * 100) / total);
      if (percent === shown) return;
      shown = percent;
      output.write(`\r\x1b[KPassagen-Vektoren: ${number.format(done)} von ${number.format(total)} (${percent} %)`);
    },
    end,
  };
}
