/** Where seeded people live: names, zones, languages and money that go together. */
export interface Region {
  countries: readonly string[];
  timeZones: readonly string[];
  /** The first is the local language; English is added often, as on real platforms. */
  languages: readonly string[];
  currency: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Relative share of seeded people. */
  weight: number;
}

export const REGIONS: readonly Region[] = [
  {
    countries: ['US'],
    timeZones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    languages: ['en', 'es'],
    currency: 'USD',
    firstNames: ['James', 'Maria', 'Michael', 'Jennifer', 'David', 'Aisha', 'Tyler', 'Keisha', 'Ethan', 'Olivia'],
    lastNames: ['Johnson', 'Garcia', 'Smith', 'Williams', 'Nguyen', 'Brown', 'Patel', 'Miller', 'Davis', 'Lopez'],
    weight: 20,
  },
  {
    countries: ['CA'],
    timeZones: ['America/Toronto', 'America/Vancouver'],
    languages: ['en', 'fr'],
    currency: 'CAD',
    firstNames: ['Liam', 'Chloé', 'Noah', 'Émilie', 'Owen', 'Priya'],
    lastNames: ['Tremblay', 'Roy', 'Campbell', 'Singh', 'Gagnon', 'Wilson'],
    weight: 5,
  },
  {
    countries: ['GB', 'IE'],
    timeZones: ['Europe/London', 'Europe/Dublin'],
    languages: ['en'],
    currency: 'GBP',
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'Jack', 'Siobhan', 'Callum', 'Zara'],
    lastNames: ['Taylor', 'Murphy', 'Evans', 'Khan', 'Walsh', 'Thompson', 'Hughes', "O'Brien"],
    weight: 10,
  },
  {
    countries: ['DE', 'AT', 'CH'],
    timeZones: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'],
    languages: ['de', 'en'],
    currency: 'EUR',
    firstNames: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Sophie', 'Maximilian', 'Hannah'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Wagner'],
    weight: 8,
  },
  {
    countries: ['FR', 'BE'],
    timeZones: ['Europe/Paris', 'Europe/Brussels'],
    languages: ['fr', 'en'],
    currency: 'EUR',
    firstNames: ['Camille', 'Louis', 'Inès', 'Hugo', 'Manon', 'Théo'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent'],
    weight: 6,
  },
  {
    countries: ['ES', 'PT'],
    timeZones: ['Europe/Madrid', 'Europe/Lisbon'],
    languages: ['es', 'pt', 'en'],
    currency: 'EUR',
    firstNames: ['Lucía', 'Pablo', 'Martina', 'João', 'Beatriz', 'Diego'],
    lastNames: ['García', 'Fernández', 'Silva', 'Santos', 'Martínez', 'Costa'],
    weight: 5,
  },
  {
    countries: ['NL', 'SE', 'DK', 'NO', 'FI'],
    timeZones: ['Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Helsinki'],
    languages: ['nl', 'sv', 'da', 'en'],
    currency: 'EUR',
    firstNames: ['Daan', 'Emma', 'Lars', 'Freja', 'Mikael', 'Sanne', 'Elias', 'Ingrid'],
    lastNames: ['de Vries', 'Jansen', 'Andersson', 'Nielsen', 'Hansen', 'Virtanen', 'Bakker', 'Lindqvist'],
    weight: 5,
  },
  {
    countries: ['PL', 'CZ', 'RO', 'UA'],
    timeZones: ['Europe/Warsaw', 'Europe/Prague', 'Europe/Bucharest', 'Europe/Kyiv'],
    languages: ['pl', 'cs', 'ro', 'uk', 'en'],
    currency: 'PLN',
    firstNames: ['Jakub', 'Zuzanna', 'Tomáš', 'Andreea', 'Olena', 'Piotr'],
    lastNames: ['Kowalski', 'Nowak', 'Novák', 'Popescu', 'Shevchenko', 'Wiśniewska'],
    weight: 4,
  },
  {
    countries: ['BR', 'AR', 'MX', 'CO', 'CL'],
    timeZones: [
      'America/Sao_Paulo',
      'America/Argentina/Buenos_Aires',
      'America/Mexico_City',
      'America/Bogota',
      'America/Santiago',
    ],
    languages: ['pt', 'es', 'en'],
    currency: 'BRL',
    firstNames: ['Gabriel', 'Ana', 'Mateo', 'Valentina', 'Rafael', 'Camila', 'Santiago', 'Larissa'],
    lastNames: ['Oliveira', 'Souza', 'Hernández', 'Rodríguez', 'Gómez', 'Pereira', 'Torres', 'Ramírez'],
    weight: 8,
  },
  {
    countries: ['NG', 'KE', 'GH', 'ZA'],
    timeZones: ['Africa/Lagos', 'Africa/Nairobi', 'Africa/Accra', 'Africa/Johannesburg'],
    languages: ['en', 'sw', 'yo', 'zu'],
    currency: 'ZAR',
    firstNames: ['Chinedu', 'Amina', 'Kwame', 'Wanjiru', 'Thabo', 'Ngozi', 'Kofi', 'Zanele'],
    lastNames: ['Okafor', 'Mwangi', 'Mensah', 'Ndlovu', 'Adeyemi', 'Otieno', 'Boateng', 'Dlamini'],
    weight: 6,
  },
  {
    countries: ['EG', 'AE', 'SA', 'MA'],
    timeZones: ['Africa/Cairo', 'Asia/Dubai', 'Asia/Riyadh', 'Africa/Casablanca'],
    languages: ['ar', 'en', 'fr'],
    currency: 'AED',
    firstNames: ['Omar', 'Layla', 'Youssef', 'Fatima', 'Karim', 'Noor'],
    lastNames: ['Hassan', 'El-Sayed', 'Al-Mansouri', 'Benali', 'Haddad', 'Farouk'],
    weight: 4,
  },
  {
    countries: ['IN', 'PK', 'BD', 'LK'],
    timeZones: ['Asia/Kolkata', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Colombo'],
    languages: ['hi', 'en', 'ur', 'bn', 'ta'],
    currency: 'INR',
    firstNames: ['Arjun', 'Priya', 'Rahul', 'Ananya', 'Imran', 'Sana', 'Vikram', 'Meera'],
    lastNames: ['Sharma', 'Iyer', 'Reddy', 'Khan', 'Chowdhury', 'Perera', 'Gupta', 'Nair'],
    weight: 12,
  },
  {
    countries: ['SG', 'MY', 'ID', 'PH', 'VN', 'TH'],
    timeZones: [
      'Asia/Singapore',
      'Asia/Kuala_Lumpur',
      'Asia/Jakarta',
      'Asia/Manila',
      'Asia/Ho_Chi_Minh',
      'Asia/Bangkok',
    ],
    languages: ['en', 'ms', 'id', 'tl', 'vi', 'th', 'zh'],
    currency: 'SGD',
    firstNames: ['Wei Ling', 'Aditya', 'Maria', 'Minh', 'Siti', 'Nattapong', 'Jasmine', 'Rizal'],
    lastNames: ['Tan', 'Lim', 'Santoso', 'Reyes', 'Nguyen', 'Wong', 'Rahman', 'Srisuk'],
    weight: 6,
  },
  {
    countries: ['JP', 'KR', 'TW', 'HK', 'CN'],
    timeZones: ['Asia/Tokyo', 'Asia/Seoul', 'Asia/Taipei', 'Asia/Hong_Kong', 'Asia/Shanghai'],
    languages: ['ja', 'ko', 'zh', 'en'],
    currency: 'JPY',
    firstNames: ['Haruto', 'Yui', 'Minjun', 'Jiwoo', 'Wei', 'Mei', 'Kenji', 'Seo-yeon'],
    lastNames: ['Sato', 'Suzuki', 'Kim', 'Park', 'Chen', 'Lin', 'Takahashi', 'Wang'],
    weight: 7,
  },
  {
    countries: ['AU', 'NZ'],
    timeZones: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Perth', 'Pacific/Auckland'],
    languages: ['en'],
    currency: 'AUD',
    firstNames: ['Jack', 'Charlotte', 'Cooper', 'Matilda', 'Aroha', 'Lachlan'],
    lastNames: ['Wilson', 'Smith', 'Ngata', 'Brown', 'Kelly', 'Harris'],
    weight: 4,
  },
];
