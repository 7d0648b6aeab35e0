import {
  clearOfflineCopies,
  meOrOfflineCopy,
  orOfflineCopy,
  vitalsOrOfflineCopy,
} from './offlineCopy';
import { ProblemError, ProblemType } from '@heima/web-common/problem';

const offline = () => Promise.reject(new ProblemError({ type: ProblemType.network, status: 0 }));
const refused = () => Promise.reject(new ProblemError({ type: 'about:blank', status: 500 }));
const kari = { subject: 'kari', name: 'Kari Nordvik' };
const ola = { subject: 'ola', name: 'Ola Fjellheim' };

describe('the copies that open the app without network', () => {
  beforeEach(() => window.localStorage.clear());

  it("gives the last person and today's tasks back when the network is unreachable", async () => {
    const storage = window.localStorage;
    await meOrOfflineCopy(storage, () => Promise.resolve(kari));
    await orOfflineCopy(storage, 'tasks', 'kari', '2026-11-20', true, () =>
      Promise.resolve(['weight']),
    );
    await expect(meOrOfflineCopy(storage, offline)).resolves.toEqual(kari);
    await expect(
      orOfflineCopy(storage, 'tasks', 'kari', '2026-11-20', true, offline),
    ).resolves.toEqual(['weight']);
  });

  it('never gives another login, another day, or a refusal the copy', async () => {
    const storage = window.localStorage;
    await orOfflineCopy(storage, 'tasks', 'kari', '2026-11-20', true, () => Promise.resolve([1]));
    await expect(
      orOfflineCopy(storage, 'tasks', 'ola', '2026-11-20', true, offline),
    ).rejects.toThrow();
    await expect(
      orOfflineCopy(storage, 'tasks', 'kari', '2026-11-21', true, offline),
    ).rejects.toThrow();
    await expect(
      orOfflineCopy(storage, 'tasks', 'kari', '2026-11-20', true, refused),
    ).rejects.toThrow();
  });

  it('keeps only what it is told to keep, and forgets everything at logout or a new login', async () => {
    const storage = window.localStorage;
    await orOfflineCopy(storage, 'tasks', 'kari', '2026-11-19', false, () => Promise.resolve([1]));
    expect(storage.length).toBe(0);
    await meOrOfflineCopy(storage, () => Promise.resolve(kari));
    await orOfflineCopy(storage, 'care-plans', 'kari', '', true, () => Promise.resolve([2]));
    await meOrOfflineCopy(storage, () => Promise.resolve(ola));
    await expect(orOfflineCopy(storage, 'care-plans', 'kari', '', true, offline)).rejects.toThrow();
    storage.setItem('other', 'kept');
    clearOfflineCopies(storage);
    expect(storage.length).toBe(1);
    await expect(meOrOfflineCopy(storage, offline)).rejects.toThrow();
  });

  it('does not open the app with a copy of the person older than a week', async () => {
    const storage = window.localStorage;
    await meOrOfflineCopy(storage, () => Promise.resolve(kari), 0);
    await expect(meOrOfflineCopy(storage, offline, 8 * 24 * 3600 * 1000)).rejects.toThrow();
  });

  it('keeps the vital catalogue for whoever is logged in, until logout', async () => {
    const storage = window.localStorage;
    const catalogue = [{ vital: 'BODY_WEIGHT' }];
    await expect(vitalsOrOfflineCopy(storage, offline)).rejects.toThrow();
    await vitalsOrOfflineCopy(storage, () => Promise.resolve(catalogue));
    await expect(vitalsOrOfflineCopy(storage, offline)).resolves.toEqual(catalogue);
    await expect(vitalsOrOfflineCopy(storage, refused)).rejects.toThrow();
    clearOfflineCopies(storage);
    await expect(vitalsOrOfflineCopy(storage, offline)).rejects.toThrow();
  });
});
