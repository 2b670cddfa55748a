import { FIRST_NAMES, LAST_NAMES, slug } from './names';
import type { Prng } from './prng';
import type { PlannedPerson } from './seed-plan.model';

/** Invented people with distinct names, and distinct e-mail domains for the organisations they run. */
export class People {
  private readonly usedNames = new Set<string>();
  private readonly usedDomains = new Set<string>();
  private readonly domains = new Map<string, string>();

  constructor(private readonly random: Prng) {}

  lastName(): string {
    return this.random.pick(LAST_NAMES);
  }

  /** Someone of an organisation whose domain is `domain`: "prenom.nom@<domain>". */
  personAt(domain: string): PlannedPerson {
    const { first, last } = this.name();
    return { displayName: `${first} ${last}`, email: `${slug(`${first} ${last}`).replace(/-/g, '.')}@${domain}` };
  }

  /** One invented domain per organisation name, shared by its creator and its invitations (.demo is never delegated). */
  domainFor(organizationName: string): string {
    const known = this.domains.get(organizationName);
    if (known !== undefined) return known;
    const base = slug(organizationName);
    let domain = `${base}.demo`;
    for (let n = 2; this.usedDomains.has(domain); n += 1) domain = `${base}-${n}.demo`;
    this.usedDomains.add(domain);
    this.domains.set(organizationName, domain);
    return domain;
  }

  private name(): { first: string; last: string } {
    for (;;) {
      const first = this.random.pick(FIRST_NAMES);
      const last = this.random.pick(LAST_NAMES);
      const key = `${first} ${last}`;
      if (!this.usedNames.has(key)) {
        this.usedNames.add(key);
        return { first, last };
      }
    }
  }
}
