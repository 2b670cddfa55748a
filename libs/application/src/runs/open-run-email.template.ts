import { PARIS_ZONE } from '#domain';
import type { MailMessage } from '../notifications/mailer.port';
import { escapeHtml } from '../notifications/offer-email.template';

export interface OpenRunEmailFacts {
  readonly kind: 'TO_DRIVERS' | 'TO_COORDINATORS';
  readonly recipientName: string;
  readonly start: Date;
  readonly end: Date;
  /** The sites in order. */
  readonly route: readonly string[];
  /** Without a trailing slash. */
  readonly publicUrl: string;
  readonly runId: string;
}

/**
 * A run left without a driver close to its start: to the other drivers available then (take it?),
 * or to the coordinators when nobody has. French first, English below.
 */
export function composeOpenRunEmail(facts: OpenRunEmailFacts, to: readonly string[]): MailMessage {
  const link = `${facts.publicUrl}/runs/${encodeURIComponent(facts.runId)}`;
  const when = (locale: string) =>
    `${new Intl.DateTimeFormat(locale, { timeZone: PARIS_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(facts.start)} – ${new Intl.DateTimeFormat(locale, { timeZone: PARIS_ZONE, timeStyle: 'short' }).format(facts.end)}`;
  const route = facts.route.join(' → ');
  const toDrivers = facts.kind === 'TO_DRIVERS';
  const fr = [
    'Bonjour,',
    toDrivers
      ? `Une tournée de ${facts.recipientName} n’a plus de chauffeur : ${when('fr-FR')}. Vous êtes disponible : pouvez-vous la prendre ?`
      : `Personne n’a encore repris la tournée de ${facts.recipientName} du ${when('fr-FR')}, rendue par son chauffeur.`,
    `Trajet : ${route}.`,
  ];
  const en = [
    'Hello,',
    toDrivers
      ? `A run of ${facts.recipientName} has no driver any more: ${when('en-GB')}. You are available: can you take it?`
      : `Nobody has taken the run of ${facts.recipientName} on ${when('en-GB')} since its driver gave it back.`,
    `Route: ${route}.`,
  ];
  const subject = toDrivers ? 'Tournée à reprendre / A run to take' : 'Tournée sans chauffeur / A run without a driver';
  const section = (lines: readonly string[], label: string, lang: string) =>
    `<div lang="${lang}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p></div>`;
  return {
    to,
    subject,
    text: [...fr, `Voir la tournée : ${link}`, '', '—', '', ...en, `See the run: ${link}`, ''].join('\n'),
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
      section(fr, 'Voir la tournée', 'fr'),
      '<hr>',
      section(en, 'See the run', 'en'),
      '</body></html>',
    ].join('\n'),
  };
}
