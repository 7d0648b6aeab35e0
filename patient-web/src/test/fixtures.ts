import type { Me } from '@heima/web-common/auth/me';
import type { Patient } from '../features/record/api/ownPatient';

export const kari: Me = {
  subject: 'pasient1',
  name: 'Kari Nordvik',
  roles: ['PATIENT'],
  teams: [],
  nationalId: '01819040180',
  locale: null,
};

export const karisRecord: Patient = {
  id: '6f1c2a7e-2b1e-4c59-9a7e-0c3a3d1f5b10',
  identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '01819040180', kind: 'FNR' },
  givenName: 'Kari',
  familyName: 'Nordvik',
  birthDate: '1990-01-01',
  phone: '+47 912 34 567',
  email: null,
  preferredLanguage: 'nb',
  teams: ['hjerte'],
  version: 0,
  createdAt: '2026-11-20T10:00:00Z',
};
