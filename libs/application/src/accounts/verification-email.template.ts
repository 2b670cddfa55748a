import { PARIS_ZONE } from '#domain';
import type { MailMessage } from '../notifications/mailer.port';
import { escapeHtml } from '../notifications/offer-email.template';

export interface VerificationEmailFacts {
  readonly displayName: string;
  /** The link that proves the address: `${publicUrl}/verify-email?token=…`. */
  readonly link: string;
  readonly expiresAt: Date;
}

/** The link the verification e-mail carries; a client app serves the page and calls verifyEmail(token). */
export function verificationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
}

/**
 * The e-mail that proves an address, French first, English below it, in plain text and in simple
 * HTML with the same content (like the offer e-mails).
 */
export function composeVerificationEmail(facts: VerificationEmailFacts, to: string): MailMessage {
  const fr = [
    `Bonjour ${facts.displayName},`,
    '',
    'Pour confirmer votre adresse e-mail et activer votre compte Glane, ouvrez ce lien :',
    facts.link,
    '',
    `Il fonctionne une seule fois, jusqu'au ${formatInstant(facts.expiresAt, 'fr-FR')}. Si vous n'avez pas créé de compte, ignorez ce message.`,
  ];
  const en = [
    `Hello ${facts.displayName},`,
    '',
    'To confirm your email address and activate your Glane account, open this link:',
    facts.link,
    '',
    `It works once, until ${formatInstant(facts.expiresAt, 'en-GB')}. If you did not create an account, ignore this message.`,
  ];
  const text = [...fr, '', '—', '', ...en, ''].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
    htmlSection(fr, facts.link, 'Confirmer mon adresse', 'fr'),
    '<hr>',
    htmlSection(en, facts.link, 'Confirm my address', 'en'),
    '</body></html>',
  ].join('\n');
  return { to: [to], subject: 'Confirmez votre adresse e-mail / Confirm your email address', text, html };
}

function htmlSection(lines: readonly string[], link: string, linkLabel: string, lang: string): string {
  const paragraphs = lines.filter((line) => line !== '' && line !== link).map((line) => `<p>${escapeHtml(line)}</p>`);
  const button = `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p>`;
  // The link comes right after the sentence that introduces it, as in the text version.
  return `<div lang="${lang}">${paragraphs.slice(0, 2).join('')}${button}${paragraphs.slice(2).join('')}</div>`;
}

function formatInstant(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: PARIS_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(instant);
}
