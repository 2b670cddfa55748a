import type { RefusalReason } from '#domain';
import type { MailMessage } from '../notifications/mailer.port';
import { escapeHtml } from '../notifications/offer-email.template';

/** Why goods are refused, for people. */
export const REFUSAL_REASON_TEXT: Readonly<Record<RefusalReason, { readonly fr: string; readonly en: string }>> = {
  CAPACITY: { fr: 'plus de place pour les stocker', en: 'no room left to store them' },
  VISUAL_CHECK: { fr: 'aspect des produits au contrôle visuel', en: 'what the visual check showed' },
  HYGIENE: { fr: 'hygiène', en: 'hygiene' },
  TEMPERATURE: { fr: 'température hors limite', en: 'temperature out of its limit' },
  OTHER: { fr: 'autre motif', en: 'another reason' },
};

export interface RefusalEmailFacts {
  readonly offerId: string;
  readonly offerTitle: string;
  readonly recipientName: string;
  readonly refusedKg: number;
  /** What the recipient took of the same goods: more than 0 for a partial refusal at delivery. */
  readonly acceptedKg: number;
  readonly reason: RefusalReason;
  readonly note: string | null;
  readonly temperatureC: number | null;
  /** Without a trailing slash. */
  readonly publicUrl: string;
}

/**
 * Tells a donor's admins and staff that goods they gave were refused, all or part of them, and why:
 * French first, English below.
 */
export function composeRefusalEmail(facts: RefusalEmailFacts, to: readonly string[]): MailMessage {
  const link = `${facts.publicUrl}/offers/${encodeURIComponent(facts.offerId)}`;
  const number = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  const partial = facts.acceptedKg > 0;
  const fr = [
    'Bonjour,',
    partial
      ? `${number(facts.refusedKg, 'fr-FR')} kg de « ${facts.offerTitle} » ont été refusés à la livraison par ${facts.recipientName}, qui en a accepté ${number(facts.acceptedKg, 'fr-FR')} kg.`
      : `${number(facts.refusedKg, 'fr-FR')} kg de « ${facts.offerTitle} » destinés à ${facts.recipientName} ont été refusés.`,
    `Motif : ${REFUSAL_REASON_TEXT[facts.reason].fr}${facts.note === null ? '' : ` (${facts.note})`}.`,
    ...(facts.temperatureC === null ? [] : [`Température relevée : ${number(facts.temperatureC, 'fr-FR')} °C.`]),
  ];
  const en = [
    'Hello,',
    partial
      ? `${number(facts.refusedKg, 'en-GB')} kg of "${facts.offerTitle}" were refused at delivery by ${facts.recipientName}, which accepted ${number(facts.acceptedKg, 'en-GB')} kg.`
      : `${number(facts.refusedKg, 'en-GB')} kg of "${facts.offerTitle}" for ${facts.recipientName} were refused.`,
    `Reason: ${REFUSAL_REASON_TEXT[facts.reason].en}${facts.note === null ? '' : ` (${facts.note})`}.`,
    ...(facts.temperatureC === null ? [] : [`Temperature read: ${number(facts.temperatureC, 'en-GB')} °C.`]),
  ];
  const section = (lines: readonly string[], label: string, lang: string) =>
    `<div lang="${lang}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p></div>`;
  return {
    to,
    subject: partial
      ? `Don refusé en partie : ${facts.offerTitle} / Donation partly refused: ${facts.offerTitle}`
      : `Don refusé : ${facts.offerTitle} / Donation refused: ${facts.offerTitle}`,
    text: [...fr, `Voir l'offre : ${link}`, '', '—', '', ...en, `See the offer: ${link}`, ''].join('\n'),
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
      section(fr, "Voir l'offre", 'fr'),
      '<hr>',
      section(en, 'See the offer', 'en'),
      '</body></html>',
    ].join('\n'),
  };
}
