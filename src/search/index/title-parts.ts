/**
 * A reference page's title: `pgrep(1): pgrep, pkill, pidwait - Prozesse finden …`, the names
 * before the dash and a description after it (`file(1)` has only the name).
 */
export const MAN_TITLE = /^([^\s()]+)\((\d\w*)\)(?::\s*(.*?)\s+-\s+(.*))?$/su;

/**
 * A title in two parts: what it names, and what it says the page does. Only a reference page
 * has a description: "cp - Dateien und Verzeichnisse kopieren" says what every paragraph of the
 * page is about, where a news headline ("Chinas KI-Offensive: Zhejiang fordert Silicon Valley
 * heraus") names its topic in a phrase meant to catch the eye.
 */
export function titleParts(title: string): { readonly name: string; readonly description: string } {
  const match = MAN_TITLE.exec(title);
  if (match === null || match[4] === undefined) return { name: title, description: '' };
  return { name: `${match[1] as string} ${match[3] ?? ''}`.trim(), description: match[4] };
}
