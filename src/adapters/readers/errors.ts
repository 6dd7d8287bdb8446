/**
 * Why an input cannot be read at all. Stable English codes for programs; the message is Norwegian,
 * names the file and says what to do about it.
 */
export type ReadErrorCode =
  | 'binary_file'
  | 'unsupported_format'
  | 'encrypted_pdf'
  | 'corrupt_pdf'
  | 'no_text_layer'
  | 'corrupt_docx'
  | 'docx_too_large'
  | 'file_not_found'
  | 'not_regular_file'
  | 'unreadable_file'
  | 'symlink_loop'
  | 'file_too_large'
  | 'too_many_pages'
  | 'html_too_deep'
  | 'html_too_many_elements'
  | 'time_limit'
  | 'invalid_limit'
  | 'empty_document'
  | 'worker_failed';

/** An input that cannot be read at all. The message names the file and says what to do. */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

/** The message of an unknown thrown value, for wrapping library errors into a ReadError. */
export function causeText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
