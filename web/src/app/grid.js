// The optional 1 km grid: lines at every whole kilometre of x and z, every fifth one stronger, drawn per tile
// on a canvas so it costs nothing while hidden and stays sharp at every zoom.
import * as L from '../leaflet/leaflet-src.esm.js';
import { WORLD_SIZE } from './world.js';

const STEP = 1000;

const KilometreGrid = L.GridLayer.extend({
  createTile(coords) {
    const size = this.getTileSize();
    const canvas = document.createElement('canvas');
    canvas.width = size.x;
    canvas.height = size.y;
    const side = WORLD_SIZE / 2 ** coords.z;
    const west = -WORLD_SIZE / 2 + coords.x * side;
    const north = WORLD_SIZE / 2 - coords.y * side;
    const pixelsPerMetre = size.x / side;
    const context = canvas.getContext('2d');
    const line = (k, draw) => {
      const strong = k % (5 * STEP) === 0;
      context.strokeStyle = strong ? 'rgba(0, 0, 0, 0.55)' : 'rgba(0, 0, 0, 0.3)';
      context.lineWidth = strong ? 2 : 1;
      context.beginPath();
      draw();
      context.stroke();
    };
    for (let x = Math.ceil(west / STEP) * STEP; x < west + side; x += STEP) {
      const px = Math.round((x - west) * pixelsPerMetre) + 0.5;
      line(x, () => {
        context.moveTo(px, 0);
        context.lineTo(px, size.y);
      });
    }
    for (let z = Math.floor(north / STEP) * STEP; z > north - side; z -= STEP) {
      const py = Math.round((north - z) * pixelsPerMetre) + 0.5;
      line(z, () => {
        context.moveTo(0, py);
        context.lineTo(size.x, py);
      });
    }
    return canvas;
  },
});

export function kilometreGrid(maxZoom) {
  return new KilometreGrid({ tileSize: 256, maxZoom, noWrap: true, className: 'vwe-grid', zIndex: 10 });
}
