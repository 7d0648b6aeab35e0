/** Norsk bokmål: the default language, and the shape every other language must have. */
export const nb = {
  app: {
    name: 'Heima',
    documentTitle: 'Heima – pasient',
    tagline: 'Digital hjemmeoppfølging',
  },
  common: {
    skipToContent: 'Hopp til hovedinnhold',
    loading: 'Laster …',
    retry: 'Prøv igjen',
    notGiven: 'Ikke oppgitt',
  },
  language: {
    label: 'Språk',
  },
  auth: {
    logIn: 'Logg inn',
    logOut: 'Logg ut',
    loggedInAs: 'Innlogget som',
  },
  welcome: {
    heading: 'Velkommen til Heima',
    intro:
      'Heima er tjenesten for digital hjemmeoppfølging: du gjør målinger og svarer på spørsmål hjemme, og helsetjenesten som følger deg opp, ser svarene dine.',
    loginHint: 'Logg inn for å se opplysningene dine.',
  },
  home: {
    greeting: 'Hei, {{name}}',
    intro: 'Her ser du opplysningene helsetjenesten har registrert om deg i Heima.',
  },
  record: {
    heading: 'Dine opplysninger',
    loading: 'Henter opplysningene dine …',
    name: 'Navn',
    birthDate: 'Fødselsdato',
    fnr: 'Fødselsnummer',
    dnr: 'D-nummer',
    endsWith: 'slutter på',
    teams: 'Følges opp av',
    contactHeading: 'Kontaktopplysninger',
    phone: 'Telefon',
    email: 'E-post',
    preferredLanguage: 'Foretrukket språk',
  },
  notRegistered: {
    heading: 'Du er ikke registrert i Heima ennå',
    body: 'Du er logget inn, men vi finner ingen oppfølging for deg. Det er helsetjenesten som følger deg opp som registrerer deg i Heima.',
    next: 'Har du fått beskjed om at du skal følges opp her, kan du kontakte dem som har ansvaret for oppfølgingen din.',
  },
  notPatient: {
    heading: 'Denne appen er for pasienter',
    body: 'Du er logget inn som {{name}}, men brukeren din har ikke tilgang som pasient.',
    clinicianLink: 'Gå til Heima for helsepersonell',
  },
  problem: {
    validation: 'Noen av opplysningene er ikke gyldige.',
    'duplicate-identifier': 'Det finnes allerede en pasient med dette fødselsnummeret.',
    unauthenticated: 'Du er ikke logget inn, eller økten din er utløpt. Logg inn på nytt.',
    forbidden: 'Du har ikke tilgang til dette.',
    'not-found': 'Vi fant ikke det du lette etter.',
    'not-registered': 'Du er ikke registrert som pasient i Heima.',
    'version-conflict':
      'Opplysningene er endret av noen andre i mellomtiden. Last inn siden på nytt og prøv igjen.',
    'malformed-request': 'Forespørselen kunne ikke leses. Last inn siden på nytt og prøv igjen.',
    'precondition-required':
      'Endringen manglet versjonsinformasjon. Last inn siden på nytt og prøv igjen.',
    network: 'Vi får ikke kontakt med Heima. Sjekk nettforbindelsen og prøv igjen.',
    server: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    unknown: 'Noe gikk galt. Prøv igjen.',
  },
};

export type Resources = typeof nb;
