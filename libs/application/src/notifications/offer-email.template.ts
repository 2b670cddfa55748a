import { PARIS_ZONE } from '#domain';
import type { MailMessage } from './mailer.port';

/** What the e-mail about a matched offer says; every field is already known when it is written. */
export interface OfferEmailFacts {
  readonly offerId: string;
  readonly offerTitle: string;
  readonly donorName: string;
  readonly siteName: string;
  readonly siteAddress: string;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  /** What is still unclaimed, in kg. */
  readonly availableKg: number;
  readonly distanceKm: number;
  readonly recipientName: string;
  readonly reasons: readonly { readonly fr: string; readonly en: string }[];
  /** Without a trailing slash. */
  readonly publicUrl: string;
}

/**
 * The e-mail telling a recipient's members of an offer matched for them: French first (the people
 * who use Glane), English below it, in plain text and in simple HTML with the same content.
 */
export function composeOfferEmail(facts: OfferEmailFacts, to: readonly string[]): MailMessage {
  const link = `${facts.publicUrl}/offers/${encodeURIComponent(facts.offerId)}`;
  const fr = frenchSection(facts);
  const en = englishSection(facts);
  const text = [
    ...fr.lines,
    ...bullets(fr.reasons),
    `Voir l'offre : ${link}`,
    '',
    '—',
    '',
    ...en.lines,
    ...bullets(en.reasons),
    `See the offer: ${link}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
    htmlSection(fr.lines, fr.reasons, link, "Voir l'offre", 'fr'),
    '<hr>',
    htmlSection(en.lines, en.reasons, link, 'See the offer', 'en'),
    '</body></html>',
  ].join('\n');
  return { to, subject: `Nouvelle offre pour ${facts.recipientName} : ${facts.offerTitle} / New offer: ${facts.offerTitle}`, text, html };
}

interface Section {
  readonly lines: readonly string[];
  readonly reasons: readonly string[];
}

function frenchSection(facts: OfferEmailFacts): Section {
  return {
    lines: [
      'Bonjour,',
      '',
      `Une offre correspond à ${facts.recipientName} : « ${facts.offerTitle} » (${formatKg(facts.availableKg, 'fr-FR')} kg), donnée par ${facts.donorName}.`,
      `Lieu d'enlèvement : ${facts.siteName}, ${facts.siteAddress} (à ${formatKm(facts.distanceKm, 'fr-FR')} km).`,
      `Enlèvement : du ${formatInstant(facts.pickupFrom, 'fr-FR')} au ${formatInstant(facts.pickupUntil, 'fr-FR')}.`,
      '',
      'Pourquoi cette offre vous correspond :',
    ],
    reasons: facts.reasons.map((reason) => reason.fr),
  };
}

function englishSection(facts: OfferEmailFacts): Section {
  return {
    lines: [
      'Hello,',
      '',
      `An offer matches ${facts.recipientName}: "${facts.offerTitle}" (${formatKg(facts.availableKg, 'en-GB')} kg), given by ${facts.donorName}.`,
      `Pickup at: ${facts.siteName}, ${facts.siteAddress} (${formatKm(facts.distanceKm, 'en-GB')} km away).`,
      `Pickup window: from ${formatInstant(facts.pickupFrom, 'en-GB')} to ${formatInstant(facts.pickupUntil, 'en-GB')}.`,
      '',
      'Why it matches:',
    ],
    reasons: facts.reasons.map((reason) => reason.en),
  };
}

function bullets(reasons: readonly string[]): string[] {
  return [...reasons.map((reason) => `- ${reason}`), ''];
}

function htmlSection(lines: readonly string[], reasons: readonly string[], link: string, linkLabel: string, lang: string): string {
  const paragraphs = lines.filter((line) => line !== '').map((line) => `<p>${escapeHtml(line)}</p>`);
  const list = `<ul>${reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`;
  return `<div lang="${lang}">${paragraphs.join('')}${list}<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p></div>`;
}

function formatInstant(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: PARIS_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(instant);
}

function formatKm(km: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(km);
}

function formatKg(kg: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(kg);
}

/** Titles, names and addresses are typed by users: never let them become markup. */
export function escapeHtml(raw: string): string {
  return raw.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
