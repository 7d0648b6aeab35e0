/** Norsk bokmål: the default language, and the shape every other language must have. */
export const nb = {
  app: {
    name: 'Heima',
    documentTitle: 'Heima – helsepersonell',
    tagline: 'For helsepersonell',
  },
  common: {
    skipToContent: 'Hopp til hovedinnhold',
    loading: 'Laster …',
    retry: 'Prøv igjen',
    notGiven: 'Ikke oppgitt',
    errorPrefix: 'Feil:',
  },
  language: {
    label: 'Språk',
  },
  auth: {
    logIn: 'Logg inn',
    logOut: 'Logg ut',
    loggedInAs: 'Innlogget som',
  },
  roles: {
    PATIENT: 'Pasient',
    CLINICIAN: 'Helsepersonell',
    ADMIN: 'Administrator',
  },
  header: {
    role_one: 'Rolle',
    role_other: 'Roller',
    team_one: 'Team',
    team_other: 'Team',
    noTeam: 'Ingen team',
  },
  welcome: {
    heading: 'Heima for helsepersonell',
    intro:
      'Heima er tjenesten for digital hjemmeoppfølging. Her finner du pasientene teamet ditt følger opp, og registrerer nye.',
    loginHint: 'Logg inn for å fortsette.',
  },
  notClinician: {
    heading: 'Denne appen er for helsepersonell',
    body: 'Du er logget inn som {{name}}, men brukeren din har ikke tilgang som helsepersonell.',
    patientLink: 'Gå til Heima for pasienter',
  },
  admin: {
    heading: 'Administrasjon',
    body: 'Du er logget inn som administrator. Administrasjon av brukere, team og oppfølgingsforløp kommer senere; foreløpig er det ingenting å gjøre her.',
  },
  workspace: {
    heading: 'Pasienter',
    intro: 'Pasientene som følges opp av teamet ditt.',
  },
  patients: {
    heading: 'Pasientliste',
    searchLabel: 'Søk etter navn eller fødselsnummer',
    search: 'Søk',
    showAll: 'Vis alle',
    caption: 'Pasienter i teamene dine',
    name: 'Navn',
    birthDate: 'Fødselsdato',
    identifier: 'Fødselsnummer',
    dnr: 'D-nummer',
    team: 'Team',
    loading: 'Henter pasienter …',
    range: 'Viser {{from}}–{{to}} av {{total}}',
    rangeFor: 'Viser {{from}}–{{to}} av {{total}} for «{{query}}»',
    empty: 'Det er ingen pasienter i teamene dine ennå.',
    emptyFor: 'Ingen pasienter passer med «{{query}}».',
    pages: 'Sider i pasientlisten',
    previous: 'Forrige side',
    next: 'Neste side',
  },
  register: {
    heading: 'Registrer pasient',
    identifier: 'Fødselsnummer eller D-nummer',
    identifierHint: '11 siffer',
    givenName: 'Fornavn',
    familyName: 'Etternavn',
    phone: 'Telefon (valgfritt)',
    email: 'E-post (valgfritt)',
    preferredLanguage: 'Foretrukket språk',
    team: 'Team',
    submit: 'Registrer pasient',
    submitting: 'Registrerer …',
    errorSummary: 'Pasienten ble ikke registrert',
    success: '{{name}} er registrert.',
  },
  fieldError: {
    required: 'Feltet må fylles ut.',
    'too-long': 'Teksten er for lang.',
    format: 'Verdien har feil format.',
    identifier: {
      required: 'Skriv inn fødselsnummer eller D-nummer.',
      length: 'Fødselsnummeret må ha 11 siffer.',
      digits: 'Fødselsnummeret kan bare inneholde siffer.',
      date: 'De seks første sifrene i fødselsnummeret er ikke en gyldig dato.',
      'check-digit-1': 'Fødselsnummeret er ikke gyldig. Kontroller at alle sifrene er riktige.',
      'check-digit-2': 'Fødselsnummeret er ikke gyldig. Kontroller at alle sifrene er riktige.',
      duplicate: 'Det finnes allerede en pasient med dette fødselsnummeret.',
    },
    givenName: {
      required: 'Skriv inn fornavn.',
      'too-long': 'Fornavnet er for langt.',
    },
    familyName: {
      required: 'Skriv inn etternavn.',
      'too-long': 'Etternavnet er for langt.',
    },
    phone: {
      format: 'Skriv inn et gyldig telefonnummer, for eksempel +47 912 34 567.',
      'too-long': 'Telefonnummeret er for langt.',
    },
    email: {
      format: 'Skriv inn en gyldig e-postadresse, for eksempel navn@eksempel.no.',
      'too-long': 'E-postadressen er for lang.',
    },
    preferredLanguage: {
      format: 'Velg norsk bokmål eller engelsk.',
    },
    team: {
      required: 'Velg et team.',
      format: 'Velg et av dine egne team.',
      'not-member': 'Velg et av dine egne team.',
    },
  },
  problem: {
    validation: 'Noen av opplysningene er ikke gyldige.',
    'duplicate-identifier': 'Det finnes allerede en pasient med dette fødselsnummeret.',
    unauthenticated: 'Du er ikke logget inn, eller økten din er utløpt. Logg inn på nytt.',
    forbidden: 'Du har ikke tilgang til dette.',
    'not-found': 'Vi fant ikke det du lette etter.',
    'not-registered': 'Personen er ikke registrert som pasient i Heima.',
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
