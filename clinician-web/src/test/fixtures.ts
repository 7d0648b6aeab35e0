import type { Me } from '@heima/web-common/auth/me';
import type { CarePlan } from '../features/careplans/api/carePlans';
import type { PathwaySummary } from '../features/pathways/api/pathways';
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

export const anne: Me = {
  subject: 'admin',
  name: 'Anne Dahl',
  roles: ['ADMIN'],
  teams: ['hjerte'],
  nationalId: null,
  locale: null,
};

/** A library entry as `GET /api/questionnaires` lists it (inside a page grouped by url). */
export function questionnaireRef(overrides: Record<string, unknown> = {}) {
  return {
    id: 'q-1',
    url: 'https://heima.example/fhir/Questionnaire/symptoms',
    version: '1.0.0',
    title: 'Symptomer ved hjertesvikt',
    titles: { nb: 'Symptomer ved hjertesvikt', en: 'Heart failure symptoms' },
    status: 'active',
    retired: false,
    importedAt: '2026-11-20T10:00:00Z',
    importedBy: 'admin',
    importedByName: 'Anne Dahl',
    canonical: 'https://heima.example/fhir/Questionnaire/symptoms|1.0.0',
    ...overrides,
  };
}

export function questionnairePage(refs: Array<ReturnType<typeof questionnaireRef>>) {
  const byUrl = new Map<string, Array<ReturnType<typeof questionnaireRef>>>();
  for (const ref of refs)
    byUrl.set(ref.url as string, [...(byUrl.get(ref.url as string) ?? []), ref]);
  const items = [...byUrl.entries()].map(([url, versions]) => ({
    url,
    latest: versions[0],
    versions,
  }));
  return { items, page: 0, size: 100, total: items.length };
}

export function pathwaySummary(overrides: Partial<PathwaySummary> = {}): PathwaySummary {
  return {
    id: 'p-1',
    team: 'hjerte',
    name: 'Hjertesvikt',
    latestVersion: 1,
    hasDraft: false,
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function carePlan(overrides: Partial<CarePlan> = {}): CarePlan {
  return {
    id: 'cp-1',
    patientId: patient(1).id,
    pathwayId: 'p-1',
    pathwayVersion: 1,
    pathwayName: 'Hjertesvikt',
    team: 'hjerte',
    startDate: '2026-11-20',
    timeZone: 'Europe/Oslo',
    status: 'ACTIVE',
    endDate: null,
    endReason: null,
    personalThresholds: [],
    pauses: [],
    version: 3,
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}
