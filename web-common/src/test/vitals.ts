import type { VitalInfo } from '../vitals';
import { vitalCatalogue } from '../vitals';
import text from './vitals.json?raw';

/**
 * The backend's answer to `GET /api/vitals`, written by its `VitalCatalogueIT` (which fails when
 * this copy differs from what the backend serves), for unit tests that need the catalogue.
 */
export const vitalsFixture: VitalInfo[] = JSON.parse(text) as VitalInfo[];

export const catalogueFixture = vitalCatalogue(vitalsFixture);
