/**
 * Word lists for plausible, invented names. Chains and shops are made up: no real brand appears
 * as if it were a member of the platform.
 */

export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Émilie',
  'Claire',
  'Nathalie',
  'Sophie',
  'Isabelle',
  'Aurélie',
  'Sandrine',
  'Hélène',
  'Margaux',
  'Lucie',
  'Amina',
  'Fatima',
  'Mélanie',
  'Thomas',
  'Lucas',
  'Hugo',
  'Louis',
  'Nicolas',
  'Julien',
  'Pierre',
  'Antoine',
  'Mathieu',
  'Olivier',
  'Stéphane',
  'Christophe',
  'Philippe',
  'Laurent',
  'Karim',
  'Mehdi',
  'Yannick',
  'Bastien',
  'Romain',
  'Jérôme',
] as const;

export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Durand',
  'Lefebvre',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Lacoste',
  'Dupuy',
  'Labat',
  'Larrieu',
  'Castaing',
  'Dufau',
  'Lafargue',
  'Bordes',
  'Darriet',
  'Ducasse',
  'Mounier',
  'Peyrou',
  'Lalanne',
  'Cazenave',
  'Bergeron',
  'Fournier',
  'Girard',
  'Bonnet',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Boyer',
  'Roux',
  'Faure',
  'Mercier',
  'Benali',
  'Haddad',
  'Nguyen',
  'Da Silva',
  'Ferreira',
] as const;

export const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'cours de la Libération',
  'avenue du Général de Gaulle',
  'rue des Écoles',
  'place du Marché',
  'rue Pasteur',
  'rue Gambetta',
  'avenue de la Gare',
  'chemin des Vignes',
  'route de Bordeaux',
  'rue du Moulin',
  'allée des Pins',
  'rue Jules Ferry',
  'rue Carnot',
  'rue de l’Église',
  'impasse des Tilleuls',
  'avenue de l’Europe',
  'rue Émile Zola',
  'rue Montesquieu',
  'avenue Thiers',
  'rue du Port',
  'chemin de la Lande',
  'rue des Acacias',
  'avenue de Verdun',
  'rue Anatole France',
  'rue du 8 Mai 1945',
  'avenue des Platanes',
  'rue de la Mairie',
] as const;

/** Business parks and zones where hypermarkets, wholesalers and central kitchens stand. */
export const BUSINESS_ZONES = [
  'zone commerciale du Pont',
  'parc d’activités des Pins',
  'zone artisanale de la Lande',
  'zone d’activités du Moulin',
  'parc d’activités de l’Estey',
  'zone industrielle des Sables',
] as const;

/** Bordeaux is large enough that a chain has several shops in it: its quarters tell them apart. */
export const BORDEAUX_QUARTERS = [
  'Chartrons',
  'Bastide',
  'Saint-Michel',
  'Caudéran',
  'Bacalan',
  'Saint-Augustin',
  'Nansouty',
  'Saint-Jean',
  'Saint-Pierre',
  'Grand Parc',
  'Bordeaux-Lac',
  'Saint-Seurin',
  'Saint-Genès',
  'Belcier',
] as const;

export const BAKERY_NAME_PATTERNS = [
  (last: string) => `Boulangerie ${last}`,
  (last: string) => `Maison ${last}, artisan boulanger`,
  (last: string) => `Pâtisserie ${last}`,
  (_last: string, town: string) => `Au Fournil ${ofTown(town)}`,
  (_last: string, town: string) => `Le Pain ${ofTown(town)}`,
  (last: string) => `La Mie Dorée ${last}`,
] as const;

export const CATERER_NAME_PATTERNS = [
  (last: string) => `Traiteur ${last}`,
  (last: string) => `${last} Réceptions`,
  (_last: string, town: string) => `Les Saveurs ${ofTown(town)}`,
  (last: string) => `Cuisine & Événements ${last}`,
] as const;

export const PRODUCER_NAME_PATTERNS = [
  (last: string) => `Ferme ${last}`,
  (_last: string, town: string) => `Vergers ${ofTown(town)}`,
  (_last: string, town: string) => `Les Maraîchers ${ofTown(town)}`,
  (last: string) => `GAEC ${last} et fils`,
  (last: string) => `EARL ${last}`,
] as const;

export const EPICERIE_NAMES = [
  'L’Escale',
  'Le Panier Partagé',
  'La Passerelle',
  'Épi’Sol',
  'Le Coup de Pouce',
  'La Courte Échelle',
  'Au Bon Partage',
  'L’Étape',
  'Le Relais Solidaire',
  'La Bonne Graine',
  'La Roue Tourne',
  'Le Petit Marché Solidaire',
] as const;

export const MEAL_SERVICE_NAMES = [
  'Restaurant social Le Bon Accueil',
  'Accueil de jour La Boussole',
  'Maraude des Quais',
  'Restaurant solidaire Le Partage',
  'Accueil de jour Le Phare',
  'Maraude du Cœur',
  'Repas chauds du Lac',
  'Table ouverte Saint-Vincent',
  'Accueil de jour L’Abri',
  'Restaurant social La Cantine du Pont',
] as const;

export const ASSOCIATION_NAME_PATTERNS = [
  (town: string) => `Entraide ${town}`,
  (town: string) => `Secours solidaire ${ofTown(town)}`,
  (town: string) => `Les Amis du Partage — ${town}`,
  (town: string) => `Solidarité ${town}`,
  (town: string) => `Les Colis ${ofTown(town)}`,
  (town: string) => `Main Tendue ${town}`,
  (town: string) => `Partage et Fraternité ${town}`,
  (town: string) => `Les Paniers ${ofTown(town)}`,
] as const;

/** "de Pessac", "d’Arcachon", "du Barp", "des Églisottes": French elision and contraction before a town's name. */
/**
 * Draws names until one is new (two bakers called Martin in one town would confuse everyone);
 * after a few tries, numbers the last draw.
 */
export function uniqueNames(): (draw: () => string) => string {
  const used = new Set<string>();
  return (draw) => {
    let name = draw();
    for (let attempt = 0; used.has(name) && attempt < 30; attempt += 1) name = draw();
    const base = name;
    for (let n = 2; used.has(name); n += 1) name = `${base} (${n})`;
    used.add(name);
    return name;
  };
}

export function ofTown(town: string): string {
  if (town.startsWith('Le ')) return `du ${town.slice(3)}`;
  if (town.startsWith('Les ')) return `des ${town.slice(4)}`;
  const first = town.normalize('NFD').charAt(0).toLowerCase();
  return 'aeiouyh'.includes(first) ? `d’${town}` : `de ${town}`;
}

/** Lower-case ASCII words joined by hyphens: for invented e-mail domains. */
export function slug(text: string, max = 48): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, ' ')
    .toLowerCase()
    .replace(/&/g, ' et ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let result = '';
  for (const word of words) {
    const next = result.length === 0 ? word : `${result}-${word}`;
    if (next.length > max) break;
    result = next;
  }
  return result.length > 0 ? result : 'organisation';
}
