// The tile layers: the contract's URLs (GET /api/v1/tiles gives the template), and tiles that never pass a
// failure off as map: a tile that fails is asked for again a few times, and if it still fails it is drawn as
// a hatched "unavailable" square, never left blank or black.
import * as L from '../leaflet/leaflet-src.esm.js';
import { WORLD_SIZE } from './world.js';

const RETRY_DELAYS_MS = [250, 1000, 2500, 5000];

const RetryingTileLayer = L.TileLayer.extend({
  createTile(coords, done) {
    const tile = document.createElement('img');
    tile.alt = '';
    tile.setAttribute('role', 'presentation');
    const url = this.getTileUrl(coords);
    let attempt = 0;
    const onError = () => {
      if (tile.onerror !== onError) {
        return; // Leaflet abandoned this tile (zoomed or panned away).
      }
      if (attempt >= RETRY_DELAYS_MS.length) {
        tile.classList.add('vwe-tile-failed');
        done(new Error(`tile ${url} failed ${attempt + 1} times`), tile);
        return;
      }
      const delay = RETRY_DELAYS_MS[attempt];
      attempt += 1;
      this.fire('tileretry', { coords, attempt });
      setTimeout(() => {
        if (tile.onerror === onError) {
          // A query string the route ignores: a fresh request, never a cached failure.
          tile.src = `${url}?attempt=${attempt}`;
        }
      }, delay);
    };
    tile.onload = () => done(null, tile);
    tile.onerror = onError;
    tile.src = url;
    return tile;
  },
});

/**
 * A layer of one world's tiles. Tiles exist for one world width of margin around the window (the contract's
 * bounds), so the layer asks for none beyond.
 */
export function worldTileLayer(info, layer, seedInt) {
  const margin = WORLD_SIZE * 1.5;
  return new RetryingTileLayer(info.url, {
    layer,
    seedInt,
    tileSize: info.tileSize,
    minZoom: info.minZoom,
    minNativeZoom: info.minZoom,
    maxNativeZoom: info.maxZoom,
    maxZoom: info.maxZoom + 2,
    noWrap: true,
    bounds: L.latLngBounds([-margin, -margin], [margin, margin]),
    keepBuffer: 1,
    updateWhenZooming: false,
    className: `vwe-tiles vwe-tiles-${layer}`,
  });
}

/**
 * Follows one tile layer's loading: how many of the tiles in view arrived, and when the first full screen
 * did (Leaflet's 'load': every tile in view loaded). Calls back onProgress(loaded, wanted) and, once,
 * onFirstScreen().
 */
export function followLoading(tileLayer, { onProgress, onFirstScreen, onFailure }) {
  let wanted = 0;
  let loaded = 0;
  let first = true;
  const report = () => onProgress(loaded, wanted);
  tileLayer.on('loading', () => {
    wanted = 0;
    loaded = 0;
    report();
  });
  tileLayer.on('tileloadstart', () => {
    wanted += 1;
    report();
  });
  tileLayer.on('tileload', () => {
    loaded += 1;
    report();
  });
  tileLayer.on('tileerror', (event) => onFailure(event.error));
  tileLayer.on('load', () => {
    report();
    if (first) {
      first = false;
      onFirstScreen();
    }
  });
}
