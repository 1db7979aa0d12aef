import { Language } from '../common/i18n';

/** UN M49 regions, sub-regions and intermediate regions by their French and Spanish names (UNSD's). */
const REGION_NAMES: Record<string, Record<'fr' | 'es', string>> = {
  Africa: { fr: 'Afrique', es: 'África' },
  Americas: { fr: 'Amériques', es: 'Américas' },
  Asia: { fr: 'Asie', es: 'Asia' },
  Europe: { fr: 'Europe', es: 'Europa' },
  Oceania: { fr: 'Océanie', es: 'Oceanía' },
  'Australia and New Zealand': { fr: 'Australie et Nouvelle-Zélande', es: 'Australia y Nueva Zelandia' },
  'Central Asia': { fr: 'Asie centrale', es: 'Asia central' },
  'Eastern Asia': { fr: 'Asie orientale', es: 'Asia oriental' },
  'Eastern Europe': { fr: 'Europe orientale', es: 'Europa oriental' },
  'Latin America and the Caribbean': { fr: 'Amérique latine et Caraïbes', es: 'América Latina y el Caribe' },
  Melanesia: { fr: 'Mélanésie', es: 'Melanesia' },
  Micronesia: { fr: 'Micronésie', es: 'Micronesia' },
  'Northern Africa': { fr: 'Afrique du Nord', es: 'África septentrional' },
  'Northern America': { fr: 'Amérique septentrionale', es: 'América septentrional' },
  'Northern Europe': { fr: 'Europe septentrionale', es: 'Europa septentrional' },
  Polynesia: { fr: 'Polynésie', es: 'Polinesia' },
  'South-eastern Asia': { fr: 'Asie du Sud-Est', es: 'Asia sudoriental' },
  'Southern Asia': { fr: 'Asie du Sud', es: 'Asia meridional' },
  'Southern Europe': { fr: 'Europe méridionale', es: 'Europa meridional' },
  'Sub-Saharan Africa': { fr: 'Afrique subsaharienne', es: 'África subsahariana' },
  'Western Asia': { fr: 'Asie occidentale', es: 'Asia occidental' },
  'Western Europe': { fr: 'Europe occidentale', es: 'Europa occidental' },
  Caribbean: { fr: 'Caraïbes', es: 'Caribe' },
  'Central America': { fr: 'Amérique centrale', es: 'Centroamérica' },
  'Eastern Africa': { fr: 'Afrique orientale', es: 'África oriental' },
  'Middle Africa': { fr: 'Afrique centrale', es: 'África central' },
  'South America': { fr: 'Amérique du Sud', es: 'América del Sur' },
  'Southern Africa': { fr: 'Afrique australe', es: 'África meridional' },
  'Western Africa': { fr: 'Afrique de l’Ouest', es: 'África occidental' },
};

/** A UN M49 region's name in the interface language (the API gives the English one; an unknown one stays). */
export function regionName(lang: Language, region: string): string {
  return lang === 'en' ? region : (REGION_NAMES[region]?.[lang] ?? region);
}
