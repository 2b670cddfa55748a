import { PARIS_ZONE, type ClaimCanceller } from '#domain';
import type { MailMessage } from '../notifications/mailer.port';
import { escapeHtml } from '../notifications/offer-email.template';

/** What the e-mail about a claim says: made (to the donor) or cancelled (to the other party). */
export interface ClaimEmailFacts {
  readonly kind: 'CLAIMED' | 'CLAIM_CANCELLED';
  readonly offerId: string;
  readonly offerTitle: string;
  readonly recipientName: string;
  readonly donorName: string;
  readonly totalKg: number;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  /** Who cancelled; null for a claim made. */
  readonly cancelledBy: ClaimCanceller | null;
  readonly reason: string | null;
  /** Without a trailing slash. */
  readonly publicUrl: string;
}

/** French first, English below, in plain text and simple HTML with the same content. */
export function composeClaimEmail(facts: ClaimEmailFacts, to: readonly string[]): MailMessage {
  const link = `${facts.publicUrl}/offers/${encodeURIComponent(facts.offerId)}`;
  const fr = french(facts);
  const en = english(facts);
  const text = [...fr.lines, `Voir l'offre : ${link}`, '', '—', '', ...en.lines, `See the offer: ${link}`, ''].join('\n');
  const section = (lines: readonly string[], label: string, lang: string) =>
    `<div lang="${lang}">${lines
      .filter((line) => line !== '')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p></div>`;
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
    section(fr.lines, "Voir l'offre", 'fr'),
    '<hr>',
    section(en.lines, 'See the offer', 'en'),
    '</body></html>',
  ].join('\n');
  return { to, subject: `${fr.subject} / ${en.subject}`, text, html };
}

function french(facts: ClaimEmailFacts): { subject: string; lines: string[] } {
  const kg = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }).format(facts.totalKg);
  const window = `du ${instant(facts.pickupFrom, 'fr-FR')} au ${instant(facts.pickupUntil, 'fr-FR')}`;
  if (facts.kind === 'CLAIMED') {
    return {
      subject: `Réservation : ${facts.offerTitle}`,
      lines: ['Bonjour,', '', `${facts.recipientName} a réservé ${kg} kg de « ${facts.offerTitle} ».`, `Enlèvement prévu ${window}.`, ''],
    };
  }
  const who = facts.cancelledBy === 'RECIPIENT' ? facts.recipientName : facts.donorName;
  const how = facts.cancelledBy === 'NO_SHOW' ? ': personne n’était là pour remettre les produits au chauffeur' : `par ${who}`;
  return {
    subject: `Réservation annulée : ${facts.offerTitle}`,
    lines: [
      'Bonjour,',
      '',
      `La réservation de ${kg} kg de « ${facts.offerTitle} » par ${facts.recipientName} a été annulée ${how}.`,
      ...(facts.reason === null ? [] : [`Raison : ${facts.reason}`]),
      '',
    ],
  };
}

function english(facts: ClaimEmailFacts): { subject: string; lines: string[] } {
  const kg = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(facts.totalKg);
  const window = `from ${instant(facts.pickupFrom, 'en-GB')} to ${instant(facts.pickupUntil, 'en-GB')}`;
  if (facts.kind === 'CLAIMED') {
    return {
      subject: `Claimed: ${facts.offerTitle}`,
      lines: ['Hello,', '', `${facts.recipientName} claimed ${kg} kg of "${facts.offerTitle}".`, `Pickup planned ${window}.`, ''],
    };
  }
  const who = facts.cancelledBy === 'RECIPIENT' ? facts.recipientName : facts.donorName;
  const how = facts.cancelledBy === 'NO_SHOW' ? ': nobody was there to hand the goods to the driver' : `by ${who}`;
  return {
    subject: `Claim cancelled: ${facts.offerTitle}`,
    lines: [
      'Hello,',
      '',
      `The claim of ${kg} kg of "${facts.offerTitle}" by ${facts.recipientName} was cancelled ${how}.`,
      ...(facts.reason === null ? [] : [`Reason: ${facts.reason}`]),
      '',
    ],
  };
}

function instant(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: PARIS_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(value);
}
