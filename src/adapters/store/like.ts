/** Escape a user's text for a LIKE pattern, so `%` and `_` match themselves (PostgreSQL's default `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
