import zipcodes from "zipcodes";

/** A point on the globe in decimal degrees. */
export type LatLng = { latitude: number; longitude: number };

const EARTH_RADIUS_MILES = 3958.8;
const MILES_PER_DEGREE_LATITUDE = 69.05;

/**
 * The centroid of a 5-digit US ZIP code, from the `zipcodes` package's bundled data (no network).
 * Null for a ZIP the package does not know, and for Canadian postal codes it also carries.
 */
export function zipCentroid(zip: string): (LatLng & { city: string; state: string }) | null {
  if (!/^\d{5}$/.test(zip)) return null;
  const match = zipcodes.lookup(zip);
  if (!match || match.country !== "US") return null;
  return { latitude: match.latitude, longitude: match.longitude, city: match.city, state: match.state };
}

/** Great-circle distance in miles (haversine). */
export function haversineMiles(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A latitude/longitude box that contains every point within `miles` of `center`: a cheap, indexable
 * pre-filter before the exact distance. Slightly generous so rounding never drops a point inside.
 */
export function boundingBox(center: LatLng, miles: number) {
  const dLat = (miles / MILES_PER_DEGREE_LATITUDE) * 1.01;
  const cosLat = Math.cos((center.latitude * Math.PI) / 180);
  // Near the poles the box spans every longitude.
  const dLng = cosLat < 0.01 ? 180 : Math.min(180, (miles / (MILES_PER_DEGREE_LATITUDE * cosLat)) * 1.01);
  return {
    minLatitude: center.latitude - dLat,
    maxLatitude: center.latitude + dLat,
    minLongitude: center.longitude - dLng,
    maxLongitude: center.longitude + dLng,
  };
}

export { EARTH_RADIUS_MILES };
