/**
 * Search snippets as safe HTML. ts_headline copies the stored text as it is (markup included) and adds its own
 * highlight tags, so a title holding `</b><img onerror=...>` would come out as live HTML. Instead ts_headline marks
 * the matches with two private-use characters (removed from the text first, so stored text cannot forge them);
 * the result is HTML-escaped and only then are the marks turned into `<b>` and `</b>`. Ranking is untouched:
 * the highlight is computed on the same text, only its presentation changes.
 */
const START = "\uE000";
const STOP = "\uE001";

/** The snippet of a page row: `document` and `config` of the row, `q` the tsquery. */
export function snippetSql(document: string, config: string, tsquery: string): string {
  const text = `translate(${document}, E'\\uE000\\uE001', '')`;
  return `ts_headline(${config}, ${text}, ${tsquery}, E'StartSel=\\uE000, StopSel=\\uE001, MaxWords=30, MinWords=10, MaxFragments=2')`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The headline as HTML: every character of the stored text escaped, the matches in `<b>…</b>`. */
export function snippetHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (character) => ESCAPES[character])
    .replaceAll(START, "<b>")
    .replaceAll(STOP, "</b>");
}
