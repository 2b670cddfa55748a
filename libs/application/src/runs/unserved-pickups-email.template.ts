import type { UnservedReason } from '#routing';
import type { MailMessage } from '../notifications/mailer.port';
import { escapeHtml } from '../notifications/offer-email.template';

/** Why a pickup is left out, for people: one sentence per solver reason, French and English. */
export const UNSERVED_REASON_TEXT: Readonly<Record<UnservedReason, { readonly fr: string; readonly en: string }>> = {
  DEMAND_EXCEEDS_CAPACITY: { fr: 'plus lourd que la charge utile de chaque véhicule', en: 'heavier than every vehicle’s payload' },
  COLD_CHAIN: {
    fr: 'produits frais ou surgelés, et aucun véhicule frigorifique (ni caisse isotherme assez longue)',
    en: 'chilled or frozen goods, and no refrigerated vehicle (nor a long enough insulated box)',
  },
  TIME_WINDOW_UNREACHABLE: {
    fr: 'impossible à enlever dans son créneau et à livrer avant la fin de la réception',
    en: 'cannot be collected within its window and delivered before receiving ends',
  },
  ROUTE_DURATION_EXCEEDED: { fr: 'la tournée serait trop longue', en: 'the run would last too long' },
  FLEET_EXHAUSTED: { fr: 'plus de place dans les véhicules disponibles à ce moment', en: 'no room left in the vehicles available then' },
};

export interface UnservedPickupLine {
  readonly donorName: string;
  readonly totalKg: number;
  readonly reason: UnservedReason;
}

export interface UnservedPickupsFacts {
  readonly day: string;
  readonly recipientName: string;
  readonly lines: readonly UnservedPickupLine[];
  /** Without a trailing slash. */
  readonly publicUrl: string;
}

/** Tells a recipient's coordinators which pickups of a day no run takes, and why: French first, English below. */
export function composeUnservedPickupsEmail(facts: UnservedPickupsFacts, to: readonly string[]): MailMessage {
  const link = `${facts.publicUrl}/runs/${encodeURIComponent(facts.day)}`;
  const kg = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  const fr = [
    'Bonjour,',
    `Planification des tournées de ${facts.recipientName} pour le ${facts.day} : ${facts.lines.length} enlèvement(s) ne sont dans aucune tournée.`,
    ...facts.lines.map((line) => `• ${line.donorName}, ${kg(line.totalKg, 'fr-FR')} kg : ${UNSERVED_REASON_TEXT[line.reason].fr}`),
    'Ajoutez un véhicule ou un chauffeur, ou contactez le donateur.',
  ];
  const en = [
    'Hello,',
    `Run planning of ${facts.recipientName} for ${facts.day}: ${facts.lines.length} pickup(s) are in no run.`,
    ...facts.lines.map((line) => `• ${line.donorName}, ${kg(line.totalKg, 'en-GB')} kg: ${UNSERVED_REASON_TEXT[line.reason].en}`),
    'Add a vehicle or a driver, or contact the donor.',
  ];
  const section = (lines: readonly string[], label: string, lang: string) =>
    `<div lang="${lang}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p></div>`;
  return {
    to,
    subject: `Enlèvements non planifiés le ${facts.day} / Pickups not planned on ${facts.day}`,
    text: [...fr, `Voir les tournées : ${link}`, '', '—', '', ...en, `See the runs: ${link}`, ''].join('\n'),
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.4">',
      section(fr, 'Voir les tournées', 'fr'),
      '<hr>',
      section(en, 'See the runs', 'en'),
      '</body></html>',
    ].join('\n'),
  };
}
