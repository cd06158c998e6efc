import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/corpus/types.js';
import { namedPages, pageNameIndex, pageNames } from '../../../src/search/plan/page-names.js';

const page = (file: string, title: string): Article => ({ file, title, titleDerived: false, byline: undefined, date: undefined, paragraphs: [] });
const STOPWORDS = new Set(['du', 'at', 'ich', 'wie', 'more']);
const isStopword = (word: string) => STOPWORDS.has(word);

describe('pageNames', () => {
  it('reads the command names of a man-page title, and none of any other title', () => {
    expect(pageNames('pgrep(1): pgrep, pkill, pidwait - Prozesse finden oder ein Signal senden')).toEqual(['pgrep', 'pkill', 'pidwait']);
    expect(pageNames('apt-get(8): apt-get - APT-Werkzeug für den Umgang mit Paketen -- Befehlszeilenschnittstelle')).toEqual(['apt-get']);
    expect(pageNames('systemd.exec(5): systemd.exec - Konfiguration der Ausführungsumgebung')).toEqual(['systemd.exec']);
    expect(pageNames('file(1)')).toEqual(['file']);
    expect(pageNames('Technologie-Ausverkauf in Russland: Wie China die digitale Kontrolle übernimmt')).toEqual([]);
    expect(pageNames('Chinas KI-Offensive (Teil 2): Zhejiang fordert Silicon Valley heraus')).toEqual([]);
  });
});

describe('namedPages', () => {
  const ls = page('ls.1.txt', 'ls(1): ls - Verzeichnisinhalte auflisten');
  const aptGet = page('apt-get.8.txt', 'apt-get(8): apt-get - APT-Werkzeug für den Umgang mit Paketen');
  const du = page('du.1.txt', 'du(1): du - Plattenplatzbelegung abschätzen');
  const news = page('000_a5c1968631554abc.txt', 'Technologie-Ausverkauf in Russland');
  const index = pageNameIndex([ls, aptGet, du, news]);

  it('finds the pages a question names as typed, hyphens and trailing punctuation included', () => {
    expect(namedPages('Wie zeige ich mit ls auch versteckte Dateien an?', index, isStopword)).toEqual(new Set([ls]));
    expect(namedPages('kann apt-get bei allen fragen automatisch ja sagen?', index, isStopword)).toEqual(new Set([aptGet]));
    expect(namedPages('LS oder apt-get.', index, isStopword)).toEqual(new Set([ls, aptGet]));
  });

  it('takes no word of the language for a command ("Kannst du…"), and no part of a longer word', () => {
    expect(namedPages('Kannst du mir sagen, wie viel Platz frei ist?', index, isStopword).size).toBe(0);
    expect(namedPages('Wie benutze ich lsblk oder apt?', index, isStopword).size).toBe(0);
  });
});
