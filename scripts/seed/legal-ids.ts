import { LA_POSTE_SIREN, luhnCheckDigit } from '#domain';
import type { Prng } from './prng';

/**
 * Legal ids that pass the same checks as real ones (the seed goes through CreateOrganization, which
 * refuses anything else), drawn from the seeded generator so every demo has the same ones.
 */
export class LegalIdFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Prng) {}

  /**
   * A SIRET whose SIREN is Luhn-valid too, as INSEE issues them. `sirenPrefix` starts the SIREN,
   * e.g. '2633' for a communal public body (CCAS) of Gironde.
   */
  siret(sirenPrefix = ''): string {
    for (;;) {
      let sirenBody = sirenPrefix;
      while (sirenBody.length < 8) sirenBody += String(this.random.int(sirenBody.length === 0 ? 1 : 0, 9));
      const siren = `${sirenBody}${luhnCheckDigit(sirenBody)}`;
      const nicBody = `${siren}${String(this.random.int(1, 99)).padStart(4, '0')}`;
      const siret = `${nicBody}${luhnCheckDigit(nicBody)}`;
      if (siren !== LA_POSTE_SIREN && this.claim(siret)) return siret;
    }
  }

  /** An RNA number of an association declared at the Gironde prefecture (W33…). */
  rna(): string {
    for (;;) {
      const rna = `W33${this.random.int(1, 4)}${String(this.random.int(0, 999999)).padStart(6, '0')}`;
      if (this.claim(rna)) return rna;
    }
  }

  private claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }
}
