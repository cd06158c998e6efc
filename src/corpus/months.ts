/**
 * Month names as articles write dates, German and English ("14. November 2025", "May 2024"),
 * as one regex alternation. English names spelled like the German ones are not repeated.
 */
export const MONTH_NAMES = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December';
