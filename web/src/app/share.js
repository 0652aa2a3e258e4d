// The share link: everything needed to show the same map again, in the URL hash (docs/viewer.md), e.g.
// #seed=hnLycKKCMI&x=-3200&z=800&zoom=5&layer=terrain&grid=1&v=g2-e1

/**
 * Reads a hash into { seedText | seedInt, x, z, zoom, layer, grid, tileVersion }; fields that are missing or
 * malformed are left out (the page keeps its current value), so a hand-edited link degrades gracefully. An empty
 * seed or seedInt counts as missing.
 */
export function parseShareHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = {};
  if (params.get('seed')) {
    view.seedText = params.get('seed');
  } else if (params.get('seedInt')?.trim()) {
    view.seedIntText = params.get('seedInt');
  }
  const x = finite(params.get('x'));
  const z = finite(params.get('z'));
  if (x !== null && z !== null) {
    view.x = x;
    view.z = z;
  }
  const zoom = finite(params.get('zoom'));
  if (zoom !== null && Number.isInteger(zoom)) {
    view.zoom = zoom;
  }
  if (params.has('layer')) {
    view.layer = params.get('layer');
  }
  if (params.has('grid')) {
    view.grid = params.get('grid') === '1';
  }
  if (params.has('v')) {
    view.tileVersion = params.get('v');
  }
  return view;
}

/** Writes the hash for a view: the seed as typed (text) or as int, centre in whole metres, zoom, layer, grid, tile version. */
export function formatShareHash({ seed, x, z, zoom, layer, grid, tileVersion }) {
  const params = new URLSearchParams();
  if (seed) {
    if (seed.text !== undefined) {
      params.set('seed', seed.text);
    } else {
      params.set('seedInt', String(seed.seedInt));
    }
  }
  params.set('x', String(Math.round(x)));
  params.set('z', String(Math.round(z)));
  params.set('zoom', String(zoom));
  params.set('layer', layer);
  if (grid) {
    params.set('grid', '1');
  }
  params.set('v', tileVersion);
  return `#${params.toString()}`;
}

function finite(text) {
  if (text === null || text.trim() === '') {
    return null;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
