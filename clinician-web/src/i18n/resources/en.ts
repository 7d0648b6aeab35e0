import type { Resources } from './nb';

export const en: Resources = {
  app: {
    name: 'Heima',
    documentTitle: 'Heima – health professionals',
    tagline: 'For health professionals',
  },
  common: {
    skipToContent: 'Skip to main content',
    loading: 'Loading …',
    retry: 'Try again',
    notGiven: 'Not given',
    errorPrefix: 'Error:',
  },
  language: {
    label: 'Language',
  },
  auth: {
    logIn: 'Log in',
    logOut: 'Log out',
    loggedInAs: 'Logged in as',
  },
  roles: {
    PATIENT: 'Patient',
    CLINICIAN: 'Clinician',
    ADMIN: 'Administrator',
  },
  header: {
    role_one: 'Role',
    role_other: 'Roles',
    team_one: 'Team',
    team_other: 'Teams',
    noTeam: 'No team',
  },
  welcome: {
    heading: 'Heima for health professionals',
    intro:
      'Heima is the digital home follow-up service. Here you find the patients your team follows up, and register new ones.',
    loginHint: 'Log in to continue.',
  },
  notClinician: {
    heading: 'This app is for health professionals',
    body: 'You are logged in as {{name}}, but your user does not have access as a health professional.',
    patientLink: 'Go to Heima for patients',
  },
  admin: {
    heading: 'Administration',
    body: 'You are logged in as an administrator. Administration of users, teams and follow-up pathways comes later; for now there is nothing to do here.',
  },
  workspace: {
    heading: 'Patients',
    intro: 'The patients your team follows up.',
  },
  patients: {
    heading: 'Patient list',
    searchLabel: 'Search by name or national identity number',
    search: 'Search',
    showAll: 'Show all',
    caption: 'Patients in your teams',
    name: 'Name',
    birthDate: 'Date of birth',
    identifier: 'National identity number',
    dnr: 'D number',
    team: 'Team',
    loading: 'Fetching patients …',
    range: 'Showing {{from}}–{{to}} of {{total}}',
    rangeFor: 'Showing {{from}}–{{to}} of {{total}} for “{{query}}”',
    empty: 'There are no patients in your teams yet.',
    emptyFor: 'No patients match “{{query}}”.',
    pages: 'Patient list pages',
    previous: 'Previous page',
    next: 'Next page',
  },
  register: {
    heading: 'Register patient',
    identifier: 'National identity number or D number',
    identifierHint: '11 digits',
    givenName: 'Given name',
    familyName: 'Family name',
    phone: 'Phone (optional)',
    email: 'Email (optional)',
    preferredLanguage: 'Preferred language',
    team: 'Team',
    submit: 'Register patient',
    submitting: 'Registering …',
    errorSummary: 'The patient was not registered',
    success: '{{name}} has been registered.',
  },
  fieldError: {
    required: 'This field is required.',
    'too-long': 'The text is too long.',
    format: 'The value has the wrong format.',
    identifier: {
      required: 'Enter a national identity number or D number.',
      length: 'The number must have 11 digits.',
      digits: 'The number can only contain digits.',
      date: 'The first six digits of the number are not a valid date.',
      'check-digit-1': 'The number is not valid. Check that all digits are correct.',
      'check-digit-2': 'The number is not valid. Check that all digits are correct.',
      duplicate: 'A patient with this number already exists.',
    },
    givenName: {
      required: 'Enter a given name.',
      'too-long': 'The given name is too long.',
    },
    familyName: {
      required: 'Enter a family name.',
      'too-long': 'The family name is too long.',
    },
    phone: {
      format: 'Enter a valid phone number, for example +47 912 34 567.',
      'too-long': 'The phone number is too long.',
    },
    email: {
      format: 'Enter a valid email address, for example name@example.com.',
      'too-long': 'The email address is too long.',
    },
    preferredLanguage: {
      format: 'Choose Norwegian Bokmål or English.',
    },
    team: {
      required: 'Choose a team.',
      format: 'Choose one of your own teams.',
      'not-member': 'Choose one of your own teams.',
    },
  },
  problem: {
    validation: 'Some of the details are not valid.',
    'duplicate-identifier': 'A patient with this national identity number already exists.',
    unauthenticated: 'You are not logged in, or your session has expired. Please log in again.',
    forbidden: 'You do not have access to this.',
    'not-found': 'We could not find what you were looking for.',
    'not-registered': 'The person is not registered as a patient in Heima.',
    'version-conflict':
      'Someone else has changed these details in the meantime. Reload the page and try again.',
    'malformed-request': 'The request could not be read. Reload the page and try again.',
    'precondition-required':
      'The change was sent without version information. Reload the page and try again.',
    network: 'We cannot reach Heima. Check your connection and try again.',
    server: 'Something went wrong on our side. Please try again in a little while.',
    unknown: 'Something went wrong. Please try again.',
  },
};
