// The page: wires the seed box, the map, the layer switcher, the readout, the share link and the download
// button together (docs/viewer.md). Every other module does one job; this one holds the page's state.
import * as L from '../leaflet/leaflet-src.esm.js';
import { getTileInfo } from './api.js';
import { describeSeed, resolveSeed } from './seed.js';
import { formatShareHash, parseShareHash } from './share.js';
import { CursorReadout } from './readout.js';
import { followLoading, worldTileLayer } from './tiles.js';
import { kilometreGrid } from './grid.js';
import { MINIMAP_GRID, downloadWorldPictures } from './download.js';
import { fromLatLng, toLatLng, worldCrs, zoomShowing, WORLD_SIZE } from './world.js';

/** Half the side shown on first opening: the land (radius 10.5 km) nearly fills the shorter side. */
const FIRST_VIEW_SPAN = 9600;

const $ = (id) => document.getElementById(id);

const page = {
  info: null,
  map: null,
  readout: null,
  seed: null,
  layer: 'biomes',
  tiles: null,
  grid: null,
  seedRequest: 0,
  moving: false,
  linkNote: '',
};

// For the browser tests and the bench: one entry per world or layer shown ({ seedInt, layer, newWorld, ms }: from
// the seed entered to the first full screen of tiles), and the view as the page holds it.
const timings = [];
window.vwe = { page, timings, view };

/**
 * The view: centre (world metres), zoom, layer, seed, whether the map is still moving (Leaflet drops a zoom asked
 * for during a zoom animation) and whether tiles in view are still loading or failed.
 */
function view() {
  if (!page.map) {
    return null;
  }
  const { x, z } = fromLatLng(page.map.getCenter());
  return {
    x,
    z,
    zoom: page.map.getZoom(),
    layer: page.layer,
    seedInt: page.seed ? page.seed.seedInt : null,
    seedText: page.seed ? page.seed.text ?? null : null,
    moving: page.moving,
    loading: page.tiles ? page.tiles.isLoading() : false,
    failedTiles: document.querySelectorAll('img.vwe-tile-failed').length,
  };
}

start();

async function start() {
  let info;
  try {
    info = await getTileInfo();
  } catch (failure) {
    setWorldStatus(`The tile service is not available: ${failure.message}`, 'error');
    return;
  }
  page.info = info;
  page.map = createMap(info);
  page.readout = new CursorReadout(page.map, {
    root: document.querySelector('.readout'),
    x: $('readout-x'),
    z: $('readout-z'),
    biome: $('readout-biome'),
    height: $('readout-height'),
  });
  wireControls();
  window.addEventListener('hashchange', () => applyShareLink(parseShareHash(window.location.hash)));
  // Read before the first view, which rewrites the hash; Leaflet needs a view before layers are added.
  const link = parseShareHash(window.location.hash);
  const size = page.map.getSize();
  page.map.setView(toLatLng(0, 0), zoomShowing(FIRST_VIEW_SPAN, size.x, size.y, info.minZoom, info.maxZoom));
  await applyShareLink(link);
  document.body.dataset.ready = 'true';
}

function createMap(info) {
  const margin = WORLD_SIZE;
  const map = L.map('map', {
    crs: worldCrs(info.worldSize, info.tileSize),
    minZoom: info.minZoom,
    maxZoom: info.maxZoom + 2,
    zoomSnap: 1,
    attributionControl: false,
    keyboardPanDelta: 120,
    maxBounds: L.latLngBounds([-margin, -margin], [margin, margin]),
    maxBoundsViscosity: 1,
  });
  L.control.scale({ imperial: false, maxWidth: 160, position: 'bottomright' }).addTo(map);
  map.on('movestart', () => { page.moving = true; });
  map.on('moveend', () => { page.moving = false; });
  map.on('moveend', updateShareHash);
  return map;
}

function wireControls() {
  $('seed-form').addEventListener('submit', (event) => {
    event.preventDefault();
    enterSeed($('seed-input').value, $('seed-int').checked);
  });
  for (const radio of document.querySelectorAll('input[name="layer"]')) {
    radio.addEventListener('change', () => {
      if (radio.checked) {
        setLayer(radio.value);
      }
    });
  }
  $('grid-toggle').addEventListener('change', (event) => setGrid(event.target.checked));
  $('share').addEventListener('click', copyShareLink);
  $('download').addEventListener('click', downloadMap);
}

/** The seed box was submitted: resolve the seed (errors go next to the box), then show its world. */
async function enterSeed(input, asInt) {
  const entered = performance.now();
  const request = ++page.seedRequest;
  setSeedError(null);
  try {
    const seed = await resolveSeed(input, asInt);
    if (request === page.seedRequest) {
      showWorld(seed, entered);
    }
  } catch (failure) {
    if (request === page.seedRequest) {
      setSeedError(failure.message);
    }
  }
}

/** Shows a world: its tiles in the chosen layer, an overlay until the first full screen arrives. */
function showWorld(seed, entered) {
  const sameWorld = page.seed && page.seed.seedInt === seed.seedInt;
  page.seed = seed;
  $('seed-input').value = seed.text ?? String(seed.seedInt);
  $('seed-int').checked = seed.text === undefined;
  $('share').disabled = false;
  $('download').disabled = false;
  $('download-result').hidden = true;
  page.readout.setSeed(seed.seedInt);
  if (!sameWorld || !page.tiles) {
    showTiles({ newWorld: true, entered });
  }
  updateShareHash();
}

/** Replaces the tile layer for the current seed and layer, following its loading. */
function showTiles({ newWorld, entered }) {
  const { seed, layer, info, map } = page;
  const tiles = worldTileLayer(info, layer, seed.seedInt);
  const previous = page.tiles;
  page.tiles = tiles;
  const started = entered ?? performance.now();
  const what = newWorld ? `world ${describeSeed(seed)}` : `the ${layer} layer`;
  if (newWorld) {
    showLoading(`Generating ${what}…`, 0);
  }
  setWorldStatus(`Loading ${what}…`, 'busy');
  followLoading(tiles, {
    onProgress: (loaded, wanted) => {
      if (page.tiles !== tiles) {
        return;
      }
      if (newWorld && loaded > 0) {
        showLoading(`Drawing ${what}: ${loaded} of ${wanted} tiles`, loaded / Math.max(1, wanted));
      }
    },
    onFirstScreen: () => {
      if (page.tiles !== tiles) {
        return;
      }
      const ms = performance.now() - started;
      timings.push({ seedInt: seed.seedInt, layer, newWorld, ms });
      hideLoading();
      setWorldStatus(`Showing ${what}; first screen in ${(ms / 1000).toFixed(2)} s.`, 'ok');
    },
    onFailure: (error) => {
      if (page.tiles === tiles) {
        setWorldStatus(`Some tiles could not be drawn (hatched): ${error.message}. Pan or reload to try again.`, 'error');
      }
    },
  });
  // The new layer goes on top of the old one, which is removed only once the new one covers the screen, so a
  // layer switch never flashes an empty map.
  tiles.addTo(map);
  if (previous) {
    if (newWorld) {
      map.removeLayer(previous);
    } else {
      tiles.once('load', () => map.removeLayer(previous));
    }
  }
}

function setLayer(layer) {
  if (!page.info.layers.includes(layer) || layer === page.layer) {
    return;
  }
  page.layer = layer;
  for (const radio of document.querySelectorAll('input[name="layer"]')) {
    radio.checked = radio.value === layer;
  }
  if (page.seed) {
    showTiles({ newWorld: false });
  }
  updateShareHash();
}

function setGrid(on) {
  $('grid-toggle').checked = on;
  if (on && !page.grid) {
    page.grid = kilometreGrid(page.map.getMaxZoom()).addTo(page.map);
  } else if (!on && page.grid) {
    page.map.removeLayer(page.grid);
    page.grid = null;
  }
  updateShareHash();
}

/**
 * Applies a share link (on load, or when the hash is changed by hand): view, layer, grid, then the seed. What it
 * could not use (an unknown layer, another tile version) is noted beside the share button, where loading the
 * world does not write over it.
 */
async function applyShareLink(link) {
  const notes = [];
  if (link.x !== undefined) {
    // The map keeps its centre within one window of the world, but Leaflet's projection overflows for centres
    // near 1e308 m (a wrong corner, or an "Invalid LatLng (NaN, NaN)" thrown): clamp first.
    const inMap = (metres) => Math.min(WORLD_SIZE, Math.max(-WORLD_SIZE, metres));
    page.map.setView(toLatLng(inMap(link.x), inMap(link.z)), link.zoom ?? page.map.getZoom(), { animate: false });
  }
  if (link.layer !== undefined) {
    if (page.info.layers.includes(link.layer)) {
      setLayer(link.layer);
    } else {
      notes.push(`The link's layer “${link.layer}” is not one of ${page.info.layers.join(', ')}; showing ${page.layer}.`);
    }
  }
  if (link.grid !== undefined) {
    setGrid(link.grid);
  }
  if (link.tileVersion !== undefined && link.tileVersion !== page.info.tileVersion) {
    notes.push(`This link was made with tiles ${link.tileVersion}; this server draws ${page.info.tileVersion}, so details may differ.`);
  }
  const note = notes.join(' ');
  if (note !== '' || $('action-status').textContent === page.linkNote) {
    setActionStatus(note, note === '' ? 'ok' : 'error');
  }
  page.linkNote = note;
  const seedInput = link.seedText ?? link.seedIntText;
  if (seedInput !== undefined) {
    const asInt = link.seedText === undefined;
    const current = page.seed && (asInt ? String(page.seed.seedInt) === seedInput.trim() && page.seed.text === undefined : page.seed.text === seedInput);
    if (!current) {
      $('seed-input').value = seedInput;
      $('seed-int').checked = asInt;
      await enterSeed(seedInput, asInt);
    }
  }
}

function updateShareHash() {
  if (!page.map || !page.info) {
    return;
  }
  const { x, z } = fromLatLng(page.map.getCenter());
  const hash = formatShareHash({
    seed: page.seed,
    x,
    z,
    zoom: page.map.getZoom(),
    layer: page.layer,
    grid: page.grid !== null,
    tileVersion: page.info.tileVersion,
  });
  if (hash !== window.location.hash) {
    // replaceState: the view is not a history entry, and it fires no hashchange.
    window.history.replaceState(null, '', hash);
  }
}

async function copyShareLink() {
  const link = window.location.href;
  try {
    await navigator.clipboard.writeText(link);
    setActionStatus('Link copied: it opens this seed, view and layer.');
  } catch {
    setActionStatus(`Copy this link: ${link}`);
  }
}

async function downloadMap() {
  const seed = page.seed;
  const button = $('download');
  const result = $('download-result');
  button.disabled = true;
  result.hidden = true;
  const grid = `${MINIMAP_GRID.size} × ${MINIMAP_GRID.size} px of ${MINIMAP_GRID.pixelSize} m`;
  setActionStatus(`Making the whole map (${grid})…`);
  try {
    const pictures = await downloadWorldPictures(seed.seedInt, (fraction, status) =>
      setActionStatus(`Making the whole map (${grid}): ${status}, ${Math.round(fraction * 100)} %`));
    result.replaceChildren('Whole map: ', ...pictures.flatMap((picture, index) => {
      const anchor = document.createElement('a');
      anchor.href = picture.url;
      anchor.download = `${seed.seedInt}-${picture.name}`;
      anchor.textContent = picture.name;
      return index === 0 ? [anchor] : [', ', anchor];
    }));
    result.hidden = false;
    setActionStatus(`The whole map of ${describeSeed(seed)} is ready (${grid}).`);
  } catch (failure) {
    setActionStatus(`Download failed: ${failure.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

function setSeedError(message) {
  const error = $('seed-error');
  const input = $('seed-input');
  error.textContent = message ?? '';
  error.hidden = message === null;
  input.setAttribute('aria-invalid', message === null ? 'false' : 'true');
}

function setWorldStatus(text, kind) {
  const status = $('world-status');
  status.textContent = text;
  status.dataset.kind = kind;
}

function setActionStatus(text, kind = 'ok') {
  const status = $('action-status');
  status.textContent = text;
  status.dataset.kind = kind;
}

function showLoading(text, fraction) {
  $('loading').hidden = false;
  $('loading-text').textContent = text;
  $('loading-progress').value = fraction;
}

function hideLoading() {
  $('loading').hidden = true;
}
