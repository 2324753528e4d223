// Places abroad, for a shop that ships from the US: a shopper asking what shipping to Calgary
// costs asks about international shipping, which the model can only tell if it knows Calgary is
// abroad. Every name here adds the "abroad" concept (concepts.ts).
//
// Abroad means outside the 50 states, DC and the US territories: where customs and international
// rates apply. Puerto Rico, Guam, the Virgin Islands and APO/FPO addresses are not here, since
// USPS takes them at domestic rates. Names that are more often a US place, a first name or a
// word (Georgia, Jersey, Turkey, Richmond, Kingston, Victoria, Naples, Athens, Lima, Nice, Cork, Bordeaux,
// Champagne, San José, Panama City...) are left out; a few big cities a US town shares a name
// with (London, Paris, Dublin, Vancouver, Berlin) are kept, as shoppers mostly mean the big one.
//
// Names are accent-folded and lower case like the words they are matched against
// (text-features.ts) and match whole words: "india" must not find "indiana".

const COUNTRIES = [
  // English, with common abbreviations
  "canada", "mexico", "uk", "gb", "britain", "great britain", "united kingdom", "england", "scotland", "wales",
  "northern ireland", "ireland", "eu", "europe", "france", "germany", "spain", "italy", "portugal",
  "netherlands", "holland", "belgium", "luxembourg", "switzerland", "austria", "sweden", "norway", "denmark",
  "finland", "iceland", "poland", "czech republic", "czechia", "hungary", "greece", "russia", "ukraine",
  "romania", "croatia", "israel", "uae", "united arab emirates", "saudi arabia", "qatar", "egypt", "morocco",
  "nigeria", "kenya", "south africa", "india", "pakistan", "china", "japan", "korea", "south korea", "taiwan",
  "hong kong", "singapore", "malaysia", "thailand", "vietnam", "indonesia", "philippines", "australia", "aus",
  "new zealand", "nz", "brazil", "argentina", "chile", "colombia", "peru", "venezuela", "ecuador", "bolivia",
  "uruguay", "paraguay", "guatemala", "honduras", "el salvador", "nicaragua", "costa rica", "panama", "cuba",
  "dominican republic", "jamaica", "bahamas", "barbados", "trinidad", "haiti", "mx",
  // Spanish
  "espana", "francia", "alemania", "italia", "reino unido", "inglaterra", "escocia", "irlanda", "holanda",
  "paises bajos", "belgica", "suiza", "suecia", "noruega", "dinamarca", "polonia", "grecia", "turquia", "rusia",
  "japon", "corea", "filipinas", "marruecos", "sudafrica", "nueva zelanda", "brasil", "canada", "europa",
  "republica dominicana", "peru", "panama", "mexico",
  // French
  "espagne", "allemagne", "italie", "angleterre", "royaume uni", "ecosse", "irlande", "belgique", "suisse",
  "pays bas", "suede", "norvege", "danemark", "pologne", "autriche", "grece", "turquie", "russie", "chine",
  "coree", "inde", "maroc", "algerie", "tunisie", "senegal", "cote divoire", "australie", "nouvelle zelande",
  "bresil", "mexique", "monaco", "ue", "dom tom", "guadeloupe", "martinique",
];

const CANADA = [
  "ontario", "quebec", "alberta", "british columbia", "manitoba", "saskatchewan", "nova scotia", "new brunswick",
  "newfoundland", "labrador", "prince edward island", "pei", "yukon", "nunavut", "northwest territories",
  "bc", "qc", "ab", "mb", "sk", "ns", "nb", "nl",
  "toronto", "vancouver", "montreal", "quebec city", "calgary", "edmonton", "ottawa", "winnipeg", "halifax",
  "mississauga", "brampton", "laval", "gatineau", "saskatoon", "kelowna", "burnaby", "surrey", "markham",
  "kitchener", "sherbrooke", "trois rivieres", "moncton", "fredericton", "whitehorse", "yellowknife",
];

const CITIES_AND_REGIONS = [
  // Mexico
  "mexico city", "ciudad de mexico", "cdmx", "guadalajara", "monterrey", "cancun", "tijuana", "puebla", "oaxaca",
  "merida", "queretaro", "veracruz", "jalisco", "nuevo leon", "yucatan", "sinaloa", "puerto vallarta", "los cabos",
  "acapulco",
  // Britain and Ireland
  "london", "manchester", "liverpool", "leeds", "glasgow", "edinburgh", "cardiff", "belfast", "dublin",
  // France
  "paris", "lyon", "marseille", "toulouse", "lille", "nantes", "strasbourg", "montpellier", "rennes", "grenoble",
  "bretagne", "brittany", "normandie", "normandy", "provence", "alsace", "ile de france", "occitanie", "bourgogne",
  "corse", "savoie", "auvergne", "aquitaine",
  // Rest of Europe
  "madrid", "barcelona", "sevilla", "seville", "lisbon", "lisboa", "berlin", "munich", "munchen", "hamburg",
  "frankfurt", "vienna", "wien", "zurich", "geneva", "geneve", "amsterdam", "rotterdam", "brussels", "bruxelles",
  "copenhagen", "stockholm", "oslo", "helsinki", "warsaw", "prague", "budapest", "rome", "roma", "milan", "milano",
  "bavaria", "catalonia", "cataluna", "andalucia",
  // Elsewhere
  "sydney", "melbourne", "brisbane", "perth", "auckland", "tokyo", "osaka", "seoul", "beijing", "shanghai",
  "manila", "mumbai", "delhi", "bangkok", "dubai", "tel aviv", "johannesburg", "cape town", "lagos", "nairobi",
  "sao paulo", "rio de janeiro", "bogota", "medellin", "buenos aires", "caracas", "santo domingo", "punta cana",
  "montego bay",
];

/** Every place abroad, as folded names of one or more words. */
export const PLACES_ABROAD: readonly string[] = [...new Set([...COUNTRIES, ...CANADA, ...CITIES_AND_REGIONS])];

/** US places named after one abroad: their words say nothing about going abroad. */
export const US_PLACES_NAMED_FROM_ABROAD: readonly string[] = [
  "new mexico", "nuevo mexico", "nouveau mexique", "new england", "new london", "paris texas",
];
