// What is under the cursor: world x and z at once, biome and height from the point API. At most one point
// request is in flight; while it runs only the latest cursor position is kept, so a fast-moving cursor costs
// one request per round trip and the readout never shows an older point after a newer one (latest wins).
import { samplePoint } from './api.js';
import { fromLatLng } from './world.js';

export class CursorReadout {
  constructor(map, elements) {
    this.map = map;
    this.elements = elements;
    this.seedInt = null;
    this.pending = null;
    this.inFlight = false;
    this.shown = null;
    map.on('mousemove', (event) => this.pointAt(fromLatLng(event.latlng)));
  }

  /** A new world: forget the old values and ask again for the point last shown. */
  setSeed(seedInt) {
    this.seedInt = seedInt;
    this.elements.biome.textContent = '–';
    this.elements.height.textContent = '–';
    if (this.shown) {
      this.request(this.shown);
    }
  }

  /** Shows a world point's coordinates (whole metres, the point asked for) and asks for its biome and height. */
  pointAt({ x, z }) {
    const point = { x: Math.round(x), z: Math.round(z) };
    if (this.shown && this.shown.x === point.x && this.shown.z === point.z) {
      return;
    }
    this.shown = point;
    this.elements.x.textContent = point.x.toString();
    this.elements.z.textContent = point.z.toString();
    this.elements.root.dataset.state = 'pending';
    this.request(point);
  }

  request(point) {
    if (this.seedInt === null) {
      return;
    }
    this.pending = { ...point, seedInt: this.seedInt };
    if (!this.inFlight) {
      this.sendNext();
    }
  }

  async sendNext() {
    const point = this.pending;
    this.pending = null;
    if (!point) {
      return;
    }
    this.inFlight = true;
    try {
      const sample = await samplePoint(point.seedInt, point.x, point.z);
      if (this.isCurrent(point)) {
        this.show(sample, point);
      }
    } catch (failure) {
      if (this.isCurrent(point)) {
        this.elements.biome.textContent = `unknown (${failure.message})`;
        this.elements.height.textContent = '–';
        this.elements.root.dataset.state = 'error';
      }
    } finally {
      this.inFlight = false;
      this.sendNext();
    }
  }

  isCurrent(point) {
    return this.shown && point.seedInt === this.seedInt && point.x === this.shown.x && point.z === this.shown.z;
  }

  show(sample, point) {
    this.elements.biome.textContent = sample.biome.name;
    this.elements.height.textContent = `${sample.height.toFixed(2)} m`;
    const root = this.elements.root;
    root.dataset.state = 'ready';
    root.dataset.x = String(point.x);
    root.dataset.z = String(point.z);
    root.dataset.biomeFlag = String(sample.biome.flag);
    root.dataset.height = String(sample.height);
  }
}
