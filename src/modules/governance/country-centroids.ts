/**
 * A representative point per Amazon Basin country (the usual geographic centres, rounded), served instead of a
 * site when only the country may be shown. Governed sites must lie in one of these countries.
 */
export const COUNTRY_CENTROIDS: Readonly<Record<string, { latitude: number; longitude: number }>> = {
  BO: { latitude: -16.29, longitude: -63.59 },
  BR: { latitude: -14.24, longitude: -51.93 },
  CO: { latitude: 4.57, longitude: -74.3 },
  EC: { latitude: -1.83, longitude: -78.18 },
  GF: { latitude: 3.93, longitude: -53.13 },
  GY: { latitude: 4.86, longitude: -58.93 },
  PE: { latitude: -9.19, longitude: -75.02 },
  SR: { latitude: 3.92, longitude: -56.03 },
  VE: { latitude: 6.42, longitude: -66.59 },
};
