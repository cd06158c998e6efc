import { describe, expect, it } from 'vitest';
import { RecurringLines } from '../../src/corpus/boilerplate.js';
import { parseByline } from '../../src/corpus/byline.js';
import { splitLines } from '../../src/corpus/lines.js';
import { deriveTitle, parseArticle } from '../../src/corpus/parse.js';

function parse(files: Record<string, string>, file: string) {
  const recurring = new RecurringLines();
  for (const [name, text] of Object.entries(files)) recurring.add(name, text, splitLines(text));
  return parseArticle(file, splitLines(files[file] as string), recurring);
}

const ADVERT = 'Exklusives Live-Webinar am 23.04.2025 • 19:00 Uhr mit acht Top-Experten, jetzt anmelden und dabei sein.';

describe('man-page structure', () => {
  const CP = ['cp(1): cp - Dateien und Verzeichnisse kopieren', '', 'BESCHREIBUNG', 'Kopieren von QUELLE nach ZIEL.', '', '-R, -r, --recursive', '       Verzeichnisse rekursiv kopieren', '', '-v, --verbose', '       erklären, was gerade gemacht wird', ''].join('\n');

  it('keeps a definition (a term over its indented description) as one paragraph', () => {
    const { article } = parse({ 'cp.1.txt': CP }, 'cp.1.txt');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['Kopieren von QUELLE nach ZIEL.', '-R, -r, --recursive Verzeichnisse rekursiv kopieren', '-v, --verbose erklären, was gerade gemacht wird']);
    expect(article.paragraphs[1]?.heading).toBe('BESCHREIBUNG');
  });

  it('keeps the section heading over options and indented examples, which join the paragraph above', () => {
    const DMESG = ['dmesg(1): dmesg - Kernel-Ringpuffer ausgeben oder steuern', '', 'OPTIONEN', '-H     Symbolischen Verweisen folgen', '', '-l, --level Liste', '    beschränkt die Ausgabe auf die Liste der Stufen. Zum Beispiel gibt', '', '    dmesg --level=err,warn', '', '    nur Fehlermeldungen und Warnungen aus.', '', '-w, --follow', '       wartet auf neue Meldungen.', ''].join('\n');
    const { article } = parse({ 'dmesg.1.txt': DMESG }, 'dmesg.1.txt');
    expect(article.paragraphs.map((p) => [p.heading, p.text])).toEqual([
      ['OPTIONEN', '-H Symbolischen Verweisen folgen'],
      ['OPTIONEN', '-l, --level Liste beschränkt die Ausgabe auf die Liste der Stufen. Zum Beispiel gibt dmesg --level=err,warn'],
      ['OPTIONEN', 'nur Fehlermeldungen und Warnungen aus.'],
      ['OPTIONEN', '-w, --follow wartet auf neue Meldungen.'],
    ]);
  });

  it('joins no bullet, sentence or line after a blank line to the line before', () => {
    expect(splitLines('Erster Satz.\n  zweiter Teil').map((l) => l.text)).toEqual(['Erster Satz.', 'zweiter Teil']);
    expect(splitLines('Titel\n  • ein Punkt').map((l) => l.text)).toEqual(['Titel', 'ein Punkt']);
    expect(splitLines('-a\n\n   eingerückt').map((l) => l.text)).toEqual(['-a', 'eingerückt']);
  });

  it('keeps the lines that versions of one page share (ls, dir, vdir), and still drops boilerplate', () => {
    const credit = 'Diese Übersetzung wurde mit po4a erstellt und ist frei verwendbar.';
    const page = (name: string) => [`${name}(1): ${name} - Verzeichnisinhalte auflisten`, '', '-a, --all', '       Einträge nicht ignorieren, die mit ».« beginnen', '', '-l     ein langes Listenformat verwenden', '', '-r     umgekehrte Reihenfolge beim Sortieren', '', '-S     nach Dateigröße sortieren, größte zuerst', '', '-t     nach Änderungszeit sortieren, neueste zuerst', '', credit].join('\n');
    const files = { 'ls.1.txt': page('ls'), 'dir.1.txt': page('dir'), 'cp.1.txt': `${CP}\n${credit}`, 'mv.1.txt': `mv(1): mv - verschieben\n\nBESCHREIBUNG\nUmbenennen oder verschieben.\n\n${credit}` };
    const ls = parse(files, 'ls.1.txt').article.paragraphs.map((p) => p.text);
    expect(ls).toEqual(['-a, --all Einträge nicht ignorieren, die mit ».« beginnen', '-l ein langes Listenformat verwenden', '-r umgekehrte Reihenfolge beim Sortieren', '-S nach Dateigröße sortieren, größte zuerst', '-t nach Änderungszeit sortieren, neueste zuerst']);
    expect(parse(files, 'mv.1.txt').article.paragraphs.map((p) => p.text)).toEqual(['Umbenennen oder verschieben.']);
  });
});

describe('parseArticle', () => {
  it('reads the title line, headings and single-newline paragraphs', () => {
    const text = 'Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus\nDie Provinz Zhejiang ist Heimat von Alibaba.\nAlarmglocken in Washington\nDer Aktienkurs von Nvidia stürzte ab.\n';
    const { article } = parse({ 'a.txt': text }, 'a.txt');
    expect(article.title).toBe('Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus');
    expect(article.titleDerived).toBe(false);
    expect(article.paragraphs).toEqual([
      { number: 1, heading: undefined, text: 'Die Provinz Zhejiang ist Heimat von Alibaba.' },
      { number: 2, heading: 'Alarmglocken in Washington', text: 'Der Aktienkurs von Nvidia stürzte ab.' },
    ]);
  });

  it('reads blank-line paragraphs and keeps headings out of the passages', () => {
    const text = 'Warum die Technikkarten in China hergestellt werden\n\nDie Entkopplung\n\nDie USA machen weniger als 10 Prozent der Gesamtexporte aus.\n\nPeking bleibt gelassen.\n';
    const { article } = parse({ 'b.txt': text }, 'b.txt');
    expect(article.paragraphs.map((p) => [p.heading, p.text])).toEqual([
      ['Die Entkopplung', 'Die USA machen weniger als 10 Prozent der Gesamtexporte aus.'],
      ['Die Entkopplung', 'Peking bleibt gelassen.'],
    ]);
  });

  it('derives a title when the article opens with bullet points, and keeps long bullets as paragraphs', () => {
    const text = '• Russlands Präsident Wladimir Putin ruft dazu auf, mit Elon Musk zusammenzuarbeiten, um die Technologieentwicklung voranzutreiben.\n  • Gazprombank-Vizechef Dmitri Zauers berichtet darüber.\n\nPutin hat sich für eine Partnerschaft ausgesprochen.\n';
    const { article } = parse({ 'c.txt': text }, 'c.txt');
    expect(article.titleDerived).toBe(true);
    expect(article.title).toBe('Russlands Präsident Wladimir Putin ruft dazu auf, mit Elon Musk zusammenzuarbeiten, um…');
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'Russlands Präsident Wladimir Putin ruft dazu auf, mit Elon Musk zusammenzuarbeiten, um die Technologieentwicklung voranzutreiben.',
      'Gazprombank-Vizechef Dmitri Zauers berichtet darüber.',
      'Putin hat sich für eine Partnerschaft ausgesprochen.',
    ]);
  });

  it('removes HTML tags and decodes entities', () => {
    const { article } = parse({ 'd.txt': 'Titel der Analyse\nEine Art Zusammenfassung von "<u>Made in China 2025</u>" &amp; mehr.\n' }, 'd.txt');
    expect(article.paragraphs[0]?.text).toBe('Eine Art Zusammenfassung von "Made in China 2025" & mehr.');
  });

  it('drops a block that recurs in two files, and link lists, by rule rather than by wording', () => {
    const a = `Erster Artikel über Russland\nRussland verliert seine IT-Experten.\n- Themen:\n- #Aktien\n- #Übernahmen\n${ADVERT}\n- Finanzen\n- Politik\n`;
    const b = `Zweiter Artikel über China\nChina baut seinen Einfluss aus.\n${ADVERT}\n`;
    const { article, dropped } = parse({ 'a.txt': a, 'b.txt': b }, 'a.txt');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['Russland verliert seine IT-Experten.']);
    expect(dropped).toEqual([
      { reason: 'link list', text: 'Themen:' },
      { reason: 'link list', text: '#Aktien' },
      { reason: 'link list', text: '#Übernahmen' },
      { reason: 'boilerplate', text: ADVERT },
      { reason: 'link list', text: 'Finanzen' },
      { reason: 'link list', text: 'Politik' },
    ]);
  });

  it('does not treat a file copied under another name as boilerplate of itself', () => {
    const text = 'Ein Titel\nEin Absatz, der in beiden Kopien steht.\n';
    const { article } = parse({ 'a.txt': text, 'copy/a.txt': text }, 'a.txt');
    expect(article.paragraphs).toHaveLength(1);
  });

  it('keeps bylines as metadata, author notes also as paragraphs, and drops disclaimers', () => {
    const text = [
      'Nur bei der Militärtechnologie kann China noch etwas von Russland lernen',
      '14. November 2025 | Pepe Escobar',
      'Die Parade',
      'Xi ist der Ehrengast bei der Parade.',
      'Pavel Lokshin ist Russland-Korrespondent. Im Auftrag von WELT berichtet er seit 2017 über Russland.',
      'Haftungsausschluss: Das Urheberrecht dieses Artikels liegt bei seinem ursprünglichen Autor.',
    ].join('\n');
    const { article } = parse({ 'e.txt': text }, 'e.txt');
    expect(article.byline).toBe('Pepe Escobar, Pavel Lokshin');
    expect(article.date).toBe('14. November 2025');
    // "Was macht Pavel Lokshin beruflich?" is answered from the note.
    // …under no heading of the body.
    expect(article.paragraphs.map((p) => [p.heading, p.text])).toEqual([
      ['Die Parade', 'Xi ist der Ehrengast bei der Parade.'],
      [undefined, 'Pavel Lokshin ist Russland-Korrespondent. Im Auftrag von WELT berichtet er seit 2017 über Russland.'],
    ]);
  });

  it('keeps a footnote as a paragraph rather than a heading', () => {
    const { article } = parse({ 'f.txt': 'Titel\nCIPS¹ wächst.\n¹ CIPS: Cross-Border Inter-Bank Payments System\nWeiterer Text folgt hier.\n' }, 'f.txt');
    expect(article.paragraphs.map((p) => p.heading)).toEqual([undefined, undefined, undefined]);
  });
});

describe('parseByline', () => {
  it('recognises date | author, "Von" lines and author notes', () => {
    expect(parseByline('14. November 2025 | Pepe Escobar')).toEqual({ byline: 'Pepe Escobar', date: '14. November 2025' });
    expect(parseByline('Von Christina zur Nedden')).toEqual({ byline: 'Christina zur Nedden', date: undefined });
    expect(parseByline('Pavel Lokshin ist Russland-Korrespondent. Seit 2017 berichtet er über Russland.')).toEqual({ byline: 'Pavel Lokshin', date: undefined, note: true });
    expect(parseByline('Die Analyse erinnert an einen Vergleich.')).toBeUndefined();
  });
});

describe('deriveTitle', () => {
  it('takes the first sentence, shortened at a word', () => {
    expect(deriveTitle('Kurzer Satz. Noch einer.')).toBe('Kurzer Satz');
  });
});
