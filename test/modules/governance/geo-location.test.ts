import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { gridCentre, servedLocation } from '../../../src/modules/governance/served-location';
import { LocationAccess } from '../../../src/modules/governance/governance.enums';

const site = { latitude: 0.1234, longitude: -67.0987, countryCode: 'BR' };

describe('servedLocation', () => {
  it('serves the stored point for EXACT', () => {
    expect(servedLocation(site, LocationAccess.EXACT)).toMatchObject({
      latitude: 0.1234,
      longitude: -67.0987,
      precision: 'EXACT',
      countryCode: 'BR',
    });
  });

  it('serves the centre of the 0.09° cell for GRID_10KM', () => {
    // 0.1234 / 0.09 = 1.37 → cell 1 → (1 + 0.5) · 0.09 = 0.135; -67.0987 / 0.09 = -745.5 → cell -746 → -745.5 · 0.09 = -67.095
    expect(servedLocation(site, LocationAccess.GRID_10KM)).toMatchObject({
      latitude: 0.135,
      longitude: -67.095,
      precision: 'GRID_10KM',
    });
  });

  it('serves the country point for COUNTRY', () => {
    expect(servedLocation(site, LocationAccess.COUNTRY)).toMatchObject({
      latitude: -14.24,
      longitude: -51.93,
      precision: 'COUNTRY',
    });
  });

  it('serves nothing when hidden, when nothing is stored, or for a country without a point', () => {
    expect(servedLocation(site, LocationAccess.HIDDEN)).toBeNull();
    expect(servedLocation({ ...site, latitude: null, longitude: null }, LocationAccess.EXACT)).toBeNull();
    expect(servedLocation({ ...site, countryCode: 'AT' }, LocationAccess.COUNTRY)).toBeNull();
  });

  it.each([
    [0, 0.045],
    [0.09, 0.135],
    [-0.01, -0.045],
    [-11.2711, -11.295],
  ])('puts %d in the cell centred on %d', (value, centre) => {
    expect(gridCentre(value)).toBeCloseTo(centre, 9);
  });
});
