import type { Me } from '../features/auth/api/me';
import type { Patient, PatientPage } from '../features/patients/api/patients';

export const nina: Me = {
  subject: 'sykepleier1',
  name: 'Nina Berg',
  roles: ['CLINICIAN'],
  teams: ['hjerte'],
  nationalId: null,
  locale: null,
};

export function patient(n: number, overrides: Partial<Patient> = {}): Patient {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    identifier: {
      system: 'urn:oid:2.16.578.1.12.4.1.4.1',
      value: `0181904${String(n).padStart(4, '0')}`,
      kind: 'FNR',
    },
    givenName: `Given${n}`,
    familyName: `Family${n}`,
    birthDate: '1990-01-01',
    phone: null,
    email: null,
    preferredLanguage: 'nb',
    teams: ['hjerte'],
    version: 0,
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

/** Page `page` of `total` made-up patients. */
export function patientPage(page: number, size: number, total: number): PatientPage {
  const first = page * size;
  const count = Math.max(0, Math.min(size, total - first));
  return {
    items: Array.from({ length: count }, (_, i) => patient(first + i + 1)),
    page,
    size,
    total,
  };
}
