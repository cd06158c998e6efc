import { describe, expect, it } from 'vitest';
import { titleParts } from '../../../src/search/index/title-parts.js';

describe('titleParts', () => {
  it('splits a reference page title into its names and what the page does', () => {
    expect(titleParts('cp(1): cp - Dateien und Verzeichnisse kopieren')).toEqual({ name: 'cp cp', description: 'Dateien und Verzeichnisse kopieren' });
    expect(titleParts('pgrep(1): pgrep, pkill, pidwait - Prozesse finden oder ein Signal senden')).toEqual({ name: 'pgrep pgrep, pkill, pidwait', description: 'Prozesse finden oder ein Signal senden' });
    expect(titleParts('apt-get(8): apt-get - APT-Werkzeug für den Umgang mit Paketen -- Befehlszeilenschnittstelle').description).toBe('APT-Werkzeug für den Umgang mit Paketen -- Befehlszeilenschnittstelle');
  });

  it('leaves any other title whole, with no description', () => {
    expect(titleParts('file(1)')).toEqual({ name: 'file(1)', description: '' });
    expect(titleParts('Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus')).toEqual({ name: 'Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus', description: '' });
    expect(titleParts('Putin - der Mann im Kreml')).toEqual({ name: 'Putin - der Mann im Kreml', description: '' });
  });
});
