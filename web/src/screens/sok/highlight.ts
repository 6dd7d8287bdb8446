/**
 * The server marks search hits in a snippet with `**` (PostgreSQL ts_headline StartSel/StopSel). The
 * snippet is untrusted text: it is split into plain parts and hit parts, which the screen renders as text
 * and <mark> elements, never as HTML.
 */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts = snippet.split('**');
  // An unpaired last marker is text, not the start of a hit.
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `**${last}`;
  }
  return parts.flatMap((text, i) => (text === '' ? [] : [{ text, hit: i % 2 === 1 }]));
}
