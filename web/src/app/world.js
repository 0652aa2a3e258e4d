// The map's coordinate system: world metres, x east and z north, north up (docs/tiles.md, docs/viewer.md).
import * as L from '../leaflet/leaflet-src.esm.js';

/** Side of the square tile window centred on (0, 0): the game's minimap, 2048 px of 12 m (docs/tiles.md). */
export const WORLD_SIZE = 24576;

/** Radius of the playable world: beyond it the generator gives the edge ocean. */
export const WORLD_RADIUS = 10500;

/** Tile side in pixels at every level. */
export const TILE_SIZE = 256;

/**
 * Leaflet's simple CRS with lat = z (north) and lng = x (east) in metres. At zoom z one pixel is
 * WORLD_SIZE / 256 / 2^z metres, and pixel (0, 0) of zoom 0 is the window's north-west corner
 * (x = −W/2, z = +W/2), so Leaflet's tile (z, x, y) is exactly the tile API's: x grows east, y south.
 */
export function worldCrs(worldSize = WORLD_SIZE, tileSize = TILE_SIZE) {
  const metresPerPixelAtZero = worldSize / tileSize;
  const half = tileSize / 2;
  return L.extend({}, L.CRS.Simple, {
    transformation: new L.Transformation(1 / metresPerPixelAtZero, half, -1 / metresPerPixelAtZero, half),
  });
}

/** World metres per screen pixel at a zoom level. */
export function metresPerPixel(zoom, worldSize = WORLD_SIZE, tileSize = TILE_SIZE) {
  return worldSize / tileSize / 2 ** zoom;
}

/** A Leaflet LatLng for world (x, z). */
export function toLatLng(x, z) {
  return L.latLng(z, x);
}

/** World (x, z) of a Leaflet LatLng. */
export function fromLatLng(latLng) {
  return { x: latLng.lng, z: latLng.lat };
}

/** The largest whole zoom at which a map of this size shows ±span metres around the centre on its shorter side. */
export function zoomShowing(span, width, height, minZoom, maxZoom) {
  const shorter = Math.max(1, Math.min(width, height));
  const zoom = Math.floor(Math.log2((shorter * WORLD_SIZE) / TILE_SIZE / (2 * span)));
  return Math.min(maxZoom, Math.max(minZoom, zoom));
}
