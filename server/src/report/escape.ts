// Everything the report prints comes from the scanned repository (paths, rule ids, the reasons
// the team wrote, names in the policy): it is escaped into HTML/SVG text and attribute values.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  // Control characters other than tab/newline are not allowed in HTML text.
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

/** Shortens a label a chart has room for; the full text goes into the element's <title>. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}
