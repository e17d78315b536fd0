import { COUNTRY_CENTROIDS } from './country-centroids';
import { GeoLocation } from './geo-location.type';
import { GeoPrecision, LocationAccess } from './governance.enums';

/** Grid cell size for GRID_10KM: 0.09° is about 10 km of latitude, and of longitude near the equator. */
export const GRID_STEP_DEGREES = 0.09;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The centre of the grid cell that holds `value`. */
export function gridCentre(value: number): number {
  return round((Math.floor(value / GRID_STEP_DEGREES) + 0.5) * GRID_STEP_DEGREES);
}

/** The stored point coarsened to `access`; null when hidden, when nothing is stored, or for an unknown country. */
export function servedLocation(
  point: { latitude: number | null; longitude: number | null; countryCode: string },
  access: LocationAccess,
): GeoLocation | null {
  const { latitude, longitude, countryCode } = point;
  if (access === LocationAccess.HIDDEN || latitude === null || longitude === null) return null;
  const location = (lat: number, lon: number, precision: GeoPrecision) =>
    Object.assign(new GeoLocation(), { latitude: lat, longitude: lon, precision, countryCode });
  switch (access) {
    case LocationAccess.EXACT:
      return location(latitude, longitude, GeoPrecision.EXACT);
    case LocationAccess.GRID_10KM:
      return location(gridCentre(latitude), gridCentre(longitude), GeoPrecision.GRID_10KM);
    case LocationAccess.COUNTRY: {
      const centroid = COUNTRY_CENTROIDS[countryCode];
      return centroid ? location(centroid.latitude, centroid.longitude, GeoPrecision.COUNTRY) : null;
    }
  }
}
