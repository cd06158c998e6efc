/** Why a change to the corpus from Discord was refused; the reply layer words it per language. */
export type CurationProblem =
  /** Not a .txt or .md file. */
  | 'extension'
  /** Nothing of the file name is left once it is made safe. */
  | 'name'
  /** Larger than CORPUS_UPLOAD_MAX_BYTES, as declared or as downloaded. */
  | 'too-large'
  | 'not-utf8'
  | 'binary'
  /** No paragraph of text, by the loader's rules. */
  | 'empty'
  /** An upload of that name exists and `replace` was not set. */
  | 'exists'
  /** The attachment URL is not under DISCORD_CDN_URL. */
  | 'not-cdn'
  /** The download failed (HTTP status, connection). */
  | 'download'
  /** The download took longer than CORPUS_UPLOAD_TIMEOUT_SECONDS. */
  | 'timeout'
  /** No upload of that name. */
  | 'not-found'
  /** The article was placed by the operator, not uploaded: not removable from Discord. */
  | 'not-uploaded';

/** A refused upload or removal. Nothing was written when it is thrown. */
export class CurationError extends Error {
  override readonly name = 'CurationError';
  readonly problem: CurationProblem;
  /** The article concerned (its source id), where one is. */
  readonly file: string | undefined;

  constructor(problem: CurationProblem, message: string, file?: string) {
    super(`Quelle: ${message}`);
    this.problem = problem;
    this.file = file;
  }
}
