/**
 * The fake embedding model's "meaning": each concept is a set of German and English words
 * (lower case, matched as substrings of the lower-cased text) for one idea that the seed
 * articles say in words a question may not use. A text's vector has a 1 in the dimension of
 * every concept it names, so "Anleger" and "Investoren" meet where no stem or dictionary joins them.
 */
export const CONCEPTS: readonly (readonly string[])[] = [
  ['anleger', 'investoren', 'investor', 'aktionäre', 'shareholder'],
  ['onlinehandel', 'online-handel', 'internethandel', 'e-commerce', 'ecommerce', 'online retail'],
  ['eingebrochen', 'einbruch', 'abgestürzt', 'absturz', 'stürzte', 'crashed', 'plunged', 'plummeted'],
  ['halbleiter', 'chiphersteller', 'semiconductor', 'chipmaker'],
  ['künstliche intelligenz', 'sprachmodell', 'ki-', 'artificial intelligence', 'language model'],
  ['raumfahrt', 'weltraum', 'spaceflight', 'space travel', 'outer space'],
  ['sanktionen', 'strafmaßnahmen', 'sanctions'],
  ['brain drain', 'abwanderung', 'auswander', 'den rücken kehren', 'emigrat'],
  ['zusammenarbeit', 'kooperation', 'kooperieren', 'partnerschaft', 'cooperat', 'collaborat'],
  ['parade', 'aufmarsch', 'march past'],
  ['massenentlassungen', 'entlassungen', 'stellenabbau', 'layoffs', 'job cuts'],
  ['automarken', 'autohersteller', 'carmaker', 'car brands'],
  ['gaspipeline', 'erdgasleitung', 'gas pipeline'],
  ['nervosität', 'nervös', 'beunruhigt', 'nervous', 'jittery'],
];

/** The concepts a text names, by index into CONCEPTS. */
export function conceptsOf(text: string): number[] {
  const lower = text.toLowerCase();
  return CONCEPTS.flatMap((words, index) => (words.some((word) => lower.includes(word)) ? [index] : []));
}
