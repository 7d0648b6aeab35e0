import type { Resources } from './nb';

export const en: Resources = {
  app: {
    name: 'Heima',
    documentTitle: 'Heima – patient',
    tagline: 'Digital home follow-up',
  },
  common: {
    skipToContent: 'Skip to main content',
    loading: 'Loading …',
    retry: 'Try again',
    notGiven: 'Not given',
  },
  language: {
    label: 'Language',
  },
  auth: {
    logIn: 'Log in',
    logOut: 'Log out',
    loggedInAs: 'Logged in as',
  },
  welcome: {
    heading: 'Welcome to Heima',
    intro:
      'Heima is the digital home follow-up service: you take measurements and answer questions at home, and the care team following you up sees your answers.',
    loginHint: 'Log in to see your details.',
  },
  home: {
    greeting: 'Hello, {{name}}',
    intro: 'Here you can see what your care team has registered about you in Heima.',
  },
  record: {
    heading: 'Your details',
    loading: 'Fetching your details …',
    name: 'Name',
    birthDate: 'Date of birth',
    fnr: 'National identity number',
    dnr: 'D number',
    endsWith: 'ending in',
    teams: 'Followed up by',
    contactHeading: 'Contact details',
    phone: 'Phone',
    email: 'Email',
    preferredLanguage: 'Preferred language',
  },
  notRegistered: {
    heading: 'You are not registered in Heima yet',
    body: 'You are logged in, but we cannot find any follow-up for you. The care team that follows you up is the one that registers you in Heima.',
    next: 'If you have been told that you will be followed up here, please contact the people responsible for your follow-up.',
  },
  notPatient: {
    heading: 'This app is for patients',
    body: 'You are logged in as {{name}}, but your user does not have patient access.',
    clinicianLink: 'Go to Heima for health professionals',
  },
  problem: {
    validation: 'Some of the details are not valid.',
    'duplicate-identifier': 'A patient with this national identity number already exists.',
    unauthenticated: 'You are not logged in, or your session has expired. Please log in again.',
    forbidden: 'You do not have access to this.',
    'not-found': 'We could not find what you were looking for.',
    'not-registered': 'You are not registered as a patient in Heima.',
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
